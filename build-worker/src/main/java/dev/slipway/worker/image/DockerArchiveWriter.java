package dev.slipway.worker.image;

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
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;
import org.apache.commons.io.output.CountingOutputStream;

/**
 * Writes an OCI image layout's image as the gzipped {@code docker load}-able archive the mirror keeps, without
 * compressing any layer again: the archive is a gzip file of several members (RFC 1952 allows any number, and
 * {@code gunzip}, {@code docker load} and {@code tar -z} read them as one stream), where each layer's content is its
 * compressed blob copied as it is (the layout's blobs are complete gzip members of exactly the layer tar) and the
 * archive's own bytes (tar headers, padding, the config, {@code manifest.json}) are small members between them. It
 * gunzips to a tar in the format {@code docker save} writes: {@code <diff_id hex>/layer.tar} per layer, the config as
 * {@code <config hex>.json} and a {@code manifest.json} naming them and the image's tag.
 */
public final class DockerArchiveWriter {
    private static final int BLOCK = TarConstants.DEFAULT_RCDSIZE;
    private static final int BUFFER = 1 << 16;
    private static final ZipEncoding NAMES = ZipEncodingHelper.getZipEncoding("UTF-8");

    private final ObjectMapper json;

    public DockerArchiveWriter(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Writes {@code image} to {@code target}, hashing it on the way (the mirror's CHECKSUM and Koji's md5 never
     * read it back).
     *
     * @param repoTag the {@code name:tag} {@code docker load} gives the image
     * @param time the archive entries' modification time
     */
    public WrittenFile write(OciImage image, String repoTag, Instant time, Path target) {
        MessageDigest sha256 = Digest.newSha256();
        MessageDigest md5 = md5();
        CountingOutputStream written;
        try {
            written = new CountingOutputStream(new DigestOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(target), BUFFER), sha256));
            // The MD5 (the slowest digest) and the SHA-256 with the file each run on a thread of their own.
            try (OutputStream out = new HandOffOutputStream(new DigestOutputStream(
                    new HandOffOutputStream(written, "slipway-archive-writer"), md5), "slipway-archive-md5")) {
                write(image, repoTag, Date.from(time), out);
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Tried to write the docker archive " + target
                    + ": " + e.getMessage(), e);
        }
        return new WrittenFile(target, written.getByteCount(), Digest.ofSha256(sha256),
                HexFormat.of().formatHex(md5.digest()));
    }

    private void write(OciImage image, String repoTag, Date time, OutputStream out) throws IOException {
        ObjectNode entry = json.createObjectNode();
        String configName = image.config().digest().hex() + ".json";
        entry.put("Config", configName);
        entry.putArray("RepoTags").add(repoTag);
        ArrayNode layers = entry.putArray("Layers");
        ByteArrayOutputStream between = new ByteArrayOutputStream();
        Set<Digest> done = new HashSet<>();
        for (Descriptor layer : image.layers()) {
            String name = layer.diffId().hex() + "/layer.tar";
            layers.add(name);
            if (!done.add(layer.diffId())) {
                continue; // the same layer twice in one image: one file, named twice in manifest.json
            }
            between.write(header(name, layer.uncompressedSize(), time));
            member(out, between.toByteArray());
            between.reset();
            Files.copy(image.blob(layer.digest()), out);
            between.write(new byte[padding(layer.uncompressedSize())]);
        }
        byte[] config = Files.readAllBytes(image.blob(image.config().digest()));
        file(between, configName, config, time);
        file(between, "manifest.json", json.writeValueAsBytes(json.createArrayNode().add(entry)), time);
        between.write(new byte[2 * BLOCK]); // the end-of-archive marker
        member(out, between.toByteArray());
    }

    private static void file(ByteArrayOutputStream tar, String name, byte[] content, Date time) throws IOException {
        tar.write(header(name, content.length, time));
        tar.write(content);
        tar.write(new byte[padding(content.length)]);
    }

    private static byte[] header(String name, long size, Date time) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(size);
        entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE);
        entry.setModTime(time);
        byte[] header = new byte[BLOCK];
        entry.writeEntryHeader(header, NAMES, true); // star mode: sizes past 8 GiB in binary
        return header;
    }

    private static int padding(long size) {
        return (int) ((BLOCK - size % BLOCK) % BLOCK);
    }

    /** One complete gzip member holding {@code bytes}. */
    private static void member(OutputStream out, byte[] bytes) throws IOException {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            out.write(Gzip.HEADER);
            deflater.setInput(bytes);
            byte[] buffer = new byte[BUFFER];
            int n;
            do {
                n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
            } while (n == buffer.length);
        } finally {
            deflater.end();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        Gzip.writeEnd(out, (int) crc.getValue(), bytes.length);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without MD5", e);
        }
    }
}
