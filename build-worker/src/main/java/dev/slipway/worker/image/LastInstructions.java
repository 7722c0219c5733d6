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
 * The last instructions of every final Dockerfile, applied to the saved image here rather than by the engine, where
 * each costs a commit: the CMD and ENTRYPOINT instructions that end the user's final stage (only the config
 * changes: exec form as written, shell form after the image's SHELL, an ENTRYPOINT clearing a CMD the stage did not
 * set, as the builder does), then {@code COPY <buildinfo file> /root/buildinfo/<file>} (one more layer holding the
 * file, owned by root, mode 0644, as COPY without {@code --chown} writes it whatever the USER) and the one
 * {@code LABEL} line (the labels merged into the config, a later LABEL winning over an earlier one); each instruction
 * in the config's history, as {@code docker history} shows it.
 */
public final class LastInstructions {
    private static final int FILE_MODE = TarArchiveEntry.DEFAULT_FILE_MODE;
    private static final int DIR_MODE = TarArchiveEntry.DEFAULT_DIR_MODE;

    private final ObjectMapper json;

    public LastInstructions(ObjectMapper json) {
        this.json = json;
    }

    /**
     * What the last instructions put into the image.
     *
     * @param path the file's absolute path in the image, e.g. {@code /root/buildinfo/Dockerfile-a-1-2}
     * @param file its bytes (the final Dockerfile)
     * @param labels the labels the LABEL line sets
     * @param labelInstruction the LABEL line as written, for the history
     * @param time the layer's file times and, when the engine's config has none, the history's
     * @param scratchBase true when the final stage starts from scratch: the layer then creates every parent
     *     directory; otherwise they exist in the parent and keep their owner, mode and time
     * @param commands the CMD and ENTRYPOINT instructions that end the final stage, in order, applied first
     * @param cmdSetBefore whether the stage set CMD before {@code commands}
     */
    public record Contents(String path, byte[] file, Map<String, String> labels, String labelInstruction,
            Instant time, boolean scratchBase, List<RuntimeCommand> commands, boolean cmdSetBefore) {
        public Contents {
            if (!path.startsWith("/") || path.endsWith("/") || path.contains("//") || path.contains("/../")) {
                throw new IllegalArgumentException("an absolute file path: " + path);
            }
            file = file.clone();
            labels = Map.copyOf(labels);
            commands = List.copyOf(commands);
        }

        /** Only the buildinfo file and the labels: no CMD or ENTRYPOINT ends the stage. */
        public Contents(String path, byte[] file, Map<String, String> labels, String labelInstruction, Instant time,
                boolean scratchBase) {
            this(path, file, labels, labelInstruction, time, scratchBase, List.of(), false);
        }
    }

    /**
     * A CMD or ENTRYPOINT that ends the final stage.
     *
     * @param exec the JSON array's strings in exec form, or null in shell form
     * @param shell the instruction's text in shell form (run by the image's SHELL), or null in exec form
     */
    public record RuntimeCommand(Kind kind, List<String> exec, String shell) {
        /** Which of the two. */
        public enum Kind { CMD, ENTRYPOINT }

        public RuntimeCommand {
            if ((exec == null) == (shell == null)) {
                throw new IllegalArgumentException("exec form or shell form, exactly one");
            }
            exec = exec == null ? null : List.copyOf(exec);
        }

        /**
         * An instruction as a parser reads it: {@code keyword} CMD or ENTRYPOINT, in exec form its JSON strings,
         * otherwise its text.
         */
        public static RuntimeCommand of(String keyword, boolean execForm, List<String> values, String text) {
            return new RuntimeCommand(Kind.valueOf(keyword), execForm ? values : null, execForm ? null : text);
        }
    }

    /**
     * {@code saved} with the buildinfo layer appended (its tar beside its blob) and the config the instructions
     * leave, which names it.
     */
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
        List<String> shell = shell(runConfig);
        String nop = String.join(" ", shell) + " #(nop) ";
        boolean cmdSet = contents.cmdSetBefore();
        for (RuntimeCommand command : contents.commands()) {
            List<String> value = new ArrayList<>();
            if (command.exec() != null) {
                value.addAll(command.exec());
            } else {
                value.addAll(shell);
                value.add(command.shell());
            }
            ArrayNode array = json.createArrayNode();
            value.forEach(array::add);
            if (command.kind() == RuntimeCommand.Kind.CMD) {
                runConfig.set("Cmd", array);
                cmdSet = true;
            } else {
                runConfig.set("Entrypoint", array);
                if (!cmdSet) {
                    runConfig.putNull("Cmd"); // the builder: an ENTRYPOINT drops a CMD the stage did not set
                }
            }
            history.addObject().put("created", created).put("created_by", nop + " " + command.kind() + " "
                    + goQuoted(value)).put("empty_layer", true);
        }
        history.addObject().put("created", created).put("created_by", nop + "COPY file:"
                + Digest.sha256(contents.file()).hex() + " in " + contents.path() + " ");
        history.addObject().put("created", created).put("created_by", nop + " " + contents.labelInstruction())
                .put("empty_layer", true);
        return json.writeValueAsBytes(config);
    }

    /** The image's SHELL, or the builder's default. */
    private static List<String> shell(ObjectNode runConfig) {
        List<String> shell = new ArrayList<>();
        if (runConfig.get("Shell") instanceof ArrayNode set && !set.isEmpty()) {
            set.forEach(n -> shell.add(n.asText()));
            return shell;
        }
        return List.of("/bin/sh", "-c");
    }

    /** A list as Go's {@code %q} prints a string slice, which is how the builder's history shows it. */
    private static String goQuoted(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            if (out.length() > 1) {
                out.append(' ');
            }
            out.append('"');
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\t' -> out.append("\\t");
                    default -> out.append(c);
                }
            }
            out.append('"');
        }
        return out.append(']').toString();
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
