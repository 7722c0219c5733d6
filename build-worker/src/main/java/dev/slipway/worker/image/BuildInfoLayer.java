package dev.slipway.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The last two instructions of every final Dockerfile, {@code COPY <buildinfo file> /root/buildinfo/<file>} and the
 * one {@code LABEL} line, applied to the saved image here rather than by the engine, where each costs a commit and
 * the COPY a container: one more layer holding the file (owned by root, mode 0644, as COPY without {@code --chown}
 * writes it whatever the USER), the labels merged into the config (a later LABEL wins over an earlier one), and both
 * instructions in the config's history, as {@code docker history} shows them.
 */
public final class BuildInfoLayer {
    private static final int FILE_MODE = TarArchiveEntry.DEFAULT_FILE_MODE;
    private static final int DIR_MODE = TarArchiveEntry.DEFAULT_DIR_MODE;

    private final ObjectMapper json;

    public BuildInfoLayer(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What the two instructions put into the image.
     *
     * @param path the file's absolute path in the image, e.g. {@code /root/buildinfo/Dockerfile-a-1-2}
     * @param file its bytes (the final Dockerfile)
     * @param labels the labels the LABEL line sets
     * @param labelInstruction the LABEL line as written, for the history
     * @param time the layer's file times and, when the engine's config has none, the history's
     * @param scratchBase true when the final stage starts from scratch: the layer then creates every parent
     *     directory; otherwise they exist in the parent and keep their owner, mode and time
     */
    public record Contents(String path, byte[] file, Map<String, String> labels, String labelInstruction,
            Instant time, boolean scratchBase) {
        public Contents {
            if (!path.startsWith("/") || path.endsWith("/") || path.contains("//") || path.contains("/../")) {
                throw new IllegalArgumentException("an absolute file path: " + path);
            }
            file = file.clone();
            labels = Map.copyOf(labels);
        }
    }

    /** {@code saved} with the buildinfo layer appended (tar beside its blob) and the config that names it. */
    public SavedImage addTo(SavedImage saved, Contents contents) {
        try {
            byte[] tar = layerTar(contents);
            Digest diffId = Digest.sha256(tar);
            Path tarFile = saved.blobDirectory().resolve("buildinfo-" + diffId.hex() + ".tar");
            Files.write(tarFile, tar);
            Descriptor blob = compress(tar, diffId, saved.blobDirectory());
            byte[] config = config(saved.config(), contents, diffId);
            List<Path> tars = new ArrayList<>(saved.layerTars());
            tars.add(tarFile);
            List<Descriptor> blobs = new ArrayList<>(saved.layerBlobs());
            blobs.add(blob);
            return new SavedImage(config, tars, blobs, saved.blobDirectory());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Tried to add the buildinfo layer: "
                    + e.getMessage(), e);
        }
    }

    private static byte[] layerTar(Contents contents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Date time = Date.from(contents.time());
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            String[] parts = contents.path().substring(1).split("/");
            StringBuilder dir = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) {
                dir.append(parts[i]).append('/');
                // The file's own directory always: COPY changes it. Those above only when COPY creates them.
                if (contents.scratchBase() || i == parts.length - 2) {
                    TarArchiveEntry entry = new TarArchiveEntry(dir.toString());
                    owned(entry, DIR_MODE, time);
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                }
            }
            TarArchiveEntry file = new TarArchiveEntry(contents.path().substring(1));
            owned(file, FILE_MODE, time);
            file.setSize(contents.file().length);
            tar.putArchiveEntry(file);
            tar.write(contents.file());
            tar.closeArchiveEntry();
            tar.finish();
        }
        return bytes.toByteArray();
    }

    private static void owned(TarArchiveEntry entry, int mode, Date time) {
        entry.setMode(mode);
        entry.setIds(0, 0);
        entry.setNames("", "");
        entry.setModTime(time);
    }

    private static Descriptor compress(byte[] tar, Digest diffId, Path blobs) throws IOException {
        MessageDigest sha256 = Digest.newSha256();
        Path tmp = Files.createTempFile(blobs, "layer", ".tmp");
        try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(tmp)), sha256))) {
            out.write(tar);
        }
        Digest digest = Digest.ofSha256(sha256);
        Files.move(tmp, blobs.resolve(digest.hex()), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return new Descriptor(OciImageWriter.LAYER, digest, Files.size(blobs.resolve(digest.hex())), diffId,
                tar.length);
    }

    /** The engine's config with the labels merged (sorted, as the engine writes them), the layer and the history. */
    private byte[] config(byte[] engineConfig, Contents contents, Digest diffId) throws IOException {
        JsonNode tree = json.readTree(engineConfig);
        if (!(tree instanceof ObjectNode config)) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "The engine's image config is not a JSON object");
        }
        ObjectNode runConfig = config.get("config") instanceof ObjectNode c ? c : config.putObject("config");
        Map<String, String> labels = new TreeMap<>();
        runConfig.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        labels.putAll(contents.labels());
        ObjectNode merged = runConfig.putObject("Labels");
        labels.forEach(merged::put);
        ObjectNode rootfs = config.get("rootfs") instanceof ObjectNode r ? r : config.putObject("rootfs");
        if (!rootfs.has("type")) {
            rootfs.put("type", "layers");
        }
        (rootfs.get("diff_ids") instanceof ArrayNode a ? a : rootfs.putArray("diff_ids")).add(diffId.toString());
        String created = created(config, contents.time());
        ArrayNode history = config.get("history") instanceof ArrayNode h ? h : config.putArray("history");
        history.addObject().put("created", created).put("created_by", "/bin/sh -c #(nop) COPY file:"
                + Digest.sha256(contents.file()).hex() + " in " + contents.path() + " ");
        history.addObject().put("created", created).put("created_by", "/bin/sh -c #(nop)  "
                + contents.labelInstruction()).put("empty_layer", true);
        return json.writeValueAsBytes(config);
    }

    /** The engine's own creation time when it recorded a valid one, so the history stays in order. */
    private static String created(ObjectNode config, Instant fallback) {
        String engine = config.path("created").asText("");
        try {
            Instant.parse(engine);
            return engine;
        } catch (DateTimeParseException e) {
            return fallback.toString();
        }
    }
}
