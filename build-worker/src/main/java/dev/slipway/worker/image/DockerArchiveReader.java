package dev.slipway.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.io.input.TeeInputStream;
import org.apache.commons.io.output.CountingOutputStream;

/**
 * Reads a {@code docker save} stream once and, while it streams, does everything that needs its bytes: unpacks
 * manifest.json, the config and each layer.tar into a directory (large files the package reader never opens left
 * out, see {@link SparseLayerCopy}); gzips each layer on every core into its OCI blob
 * ({@link ParallelGzipOutputStream}); and writes the gzipped {@code docker load}-able archive with the layers'
 * compressed blocks spliced in ({@link SplicedArchiveGzip}), so no byte is compressed twice and memory stays
 * bounded whatever the layer size.
 */
public final class DockerArchiveReader {
    private static final int BUFFER = 1 << 16;

    private final ObjectMapper json;
    private final ExecutorService compressors;
    private final Predicate<String> keptFiles;

    /** {@code compressors}: the pool that deflates blocks; it must not be the pool the caller runs on. */
    public DockerArchiveReader(ObjectMapper json, ExecutorService compressors) {
        this(json, compressors, name -> true);
    }

    /**
     * As above, keeping of the uncompressed layer tars only what a reader of files named as {@code keptFiles}
     * accepts (by last path element) needs: large other files are left as holes ({@link SparseLayerCopy}).
     */
    public DockerArchiveReader(ObjectMapper json, ExecutorService compressors, Predicate<String> keptFiles) {
        this.json = json;
        this.compressors = compressors;
        this.keptFiles = keptFiles;
    }

    /**
     * Reads the stream into {@code directory} (layer blobs beside it, in {@code <directory>-blobs}) and {@code archive} (the
     * gzipped {@code docker save} stream, byte for byte when gunzipped; null to keep none).
     */
    public SavedImage read(InputStream dockerSave, Path directory, Path archive) {
        Path blobs;
        Map<Path, Descriptor> compressed = new HashMap<>();
        MessageDigest archiveSha256 = Digest.newSha256();
        MessageDigest archiveMd5 = md5();
        CountingOutputStream archiveBytes = null;
        OutputStream archiveOut = null;
        try {
            Files.createDirectories(directory);
            blobs = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-blobs"));
            if (archive != null) {
                // Hashed on the way to the file: the mirror's CHECKSUM and Koji's md5 never read it back. The MD5
                // (the slowest digest) and the SHA-256 with the file each run on a thread of their own.
                archiveBytes = new CountingOutputStream(new DigestOutputStream(
                        new BufferedOutputStream(Files.newOutputStream(archive), BUFFER), archiveSha256));
                archiveOut = new HandOffOutputStream(new DigestOutputStream(
                        new HandOffOutputStream(archiveBytes, "slipway-archive-writer"), archiveMd5),
                        "slipway-archive-md5");
            }
            try (SplicedArchiveGzip gz = new SplicedArchiveGzip(
                    archive == null ? OutputStream.nullOutputStream() : archiveOut);
                    InputStream tee = new TeeInputStream(dockerSave, gz.raw(), false);
                    TarArchiveInputStream tar = new TarArchiveInputStream(tee)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path target = directory.resolve(entry.getName()).normalize();
                    if (!target.startsWith(directory)) {
                        throw new SlipwayException(ErrorCode.ENGINE_ERROR,
                                "docker save produced an entry outside its archive: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else if (entry.isFile()) {
                        Files.createDirectories(target.getParent());
                        if (entry.getName().endsWith("layer.tar")) {
                            compressed.put(target, layer(tar, target, blobs, gz));
                        } else {
                            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                // Read past the tar's end-of-archive (record padding and all) so the archive copy is byte for byte.
                tee.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "Tried to read the image saved by the engine: "
                    + e.getMessage(), e);
        }
        WrittenFile written = archive == null ? null : new WrittenFile(archive, archiveBytes.getByteCount(),
                Digest.ofSha256(archiveSha256), HexFormat.of().formatHex(archiveMd5.digest()));
        return parse(directory, blobs, compressed, written);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without MD5", e);
        }
    }

    /**
     * One layer: kept uncompressed (large files nobody reads left out), hashed, and gzipped once into its blob and
     * the archive.
     */
    private Descriptor layer(InputStream tar, Path target, Path blobs, SplicedArchiveGzip archive)
            throws IOException {
        MessageDigest raw = Digest.newSha256();
        MessageDigest packed = Digest.newSha256();
        Path tmp = Files.createTempFile(blobs, "layer", ".tmp");
        long rawSize;
        SparseLayerCopy sparse = new SparseLayerCopy(target, keptFiles);
        archive.beginSplice();
        // The reading thread parses the tar and cuts blocks; hashing and writing the layer copy and the blob run
        // on threads of their own, the deflating on the compressors.
        try (OutputStream copy = new HandOffOutputStream(new DigestOutputStream(sparse, raw), "slipway-layer-copy");
                ParallelGzipOutputStream gz = ParallelGzipOutputStream.of(new HandOffOutputStream(
                        new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER), packed),
                        "slipway-blob-writer"), compressors, archive::splice)) {
            byte[] buffer = new byte[BUFFER];
            long n = 0;
            int read;
            while ((read = tar.read(buffer)) > 0) {
                copy.write(buffer, 0, read);
                gz.write(buffer, 0, read);
                n += read;
            }
            rawSize = n;
        }
        archive.endSplice();
        Digest digest = Digest.ofSha256(packed);
        long size = Files.size(tmp);
        // Two identical layers give the same blob: an atomic rename lets either win.
        Path blob = blobs.resolve(digest.hex());
        Files.move(tmp, blob, StandardCopyOption.ATOMIC_MOVE);
        if (!sparse.complete()) {
            // A wanted hard link names data the copy left out (rare): take the whole layer from its blob.
            try (InputStream in = new GZIPInputStream(Files.newInputStream(blob), BUFFER)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return new Descriptor(OciImageWriter.LAYER, digest, size, Digest.ofSha256(raw), rawSize);
    }

    private SavedImage parse(Path directory, Path blobs, Map<Path, Descriptor> compressed,
            WrittenFile archive) {
        try {
            JsonNode manifest = json.readTree(directory.resolve("manifest.json").toFile());
            if (!manifest.isArray() || manifest.size() != 1) {
                throw new SlipwayException(ErrorCode.ENGINE_ERROR,
                        "docker save produced " + manifest.size() + " images; expected exactly one");
            }
            JsonNode image = manifest.get(0);
            byte[] config = Files.readAllBytes(inside(directory, image.path("Config").asText()));
            List<Path> layers = new ArrayList<>();
            List<Descriptor> layerBlobs = new ArrayList<>();
            for (JsonNode layer : image.path("Layers")) {
                Path tar = inside(directory, layer.asText());
                Descriptor blob = compressed.get(tar);
                if (blob == null) {
                    throw new SlipwayException(ErrorCode.ENGINE_ERROR, "docker save manifest names a layer that"
                            + " is not a layer.tar: " + layer.asText());
                }
                layers.add(tar);
                layerBlobs.add(blob);
            }
            return new SavedImage(config, layers, layerBlobs, blobs, archive);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "The engine's saved image is unreadable: "
                    + e.getMessage(), e);
        }
    }

    private static Path inside(Path directory, String name) {
        Path p = directory.resolve(name).normalize();
        if (!p.startsWith(directory) || !Files.isRegularFile(p)) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "docker save manifest names a missing file: " + name);
        }
        return p;
    }
}
