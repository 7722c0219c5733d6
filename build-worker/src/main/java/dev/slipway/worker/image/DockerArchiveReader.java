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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a {@code docker save} stream once and, while it streams, does everything that needs its bytes: unpacks
 * manifest.json, the config and each layer.tar into a directory (large files the package reader never opens left
 * out, see {@link SparseLayerCopy}) and gzips each layer on every core into its OCI blob
 * ({@link ParallelGzipOutputStream}), so memory stays bounded whatever the layer size. The mirror's
 * {@code docker load}-able archive is made later from the same blobs ({@link DockerArchiveWriter}).
 */
public final class DockerArchiveReader {
    private static final int BUFFER = 1 << 16;
    /** Smaller layers are compressed whatever they are: it costs little, and sizes repeat most among them. */
    static final long KNOWN_AT_LEAST = 1 << 20;

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

    /** Reads the stream into {@code directory}, the layer blobs beside it in {@code <directory>-blobs}. */
    public SavedImage read(InputStream dockerSave, Path directory) {
        return read(dockerSave, directory, KnownLayers.none());
    }

    /**
     * As above, without compressing a layer of at least {@value #KNOWN_AT_LEAST} bytes that is one of the
     * {@code known} layers (the parent's, whose registry blob the OCI layout takes instead): its blob descriptor is
     * the registry's. A layer is taken for a known one by its size and confirmed by its diff_id once read.
     *
     * @throws SizeMatchedOtherLayerException when a layer had a known layer's size but not its content, and the
     *     copy kept of it cannot be compressed instead (it left large files out): read the image again without
     *     known layers
     */
    public SavedImage read(InputStream dockerSave, Path directory, KnownLayers known) {
        Path blobs;
        Map<Path, Descriptor> compressed = new HashMap<>();
        try {
            Files.createDirectories(directory);
            blobs = Files.createDirectories(directory.resolveSibling(directory.getFileName() + "-blobs"));
            try (TarArchiveInputStream tar = new TarArchiveInputStream(dockerSave)) {
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
                            Optional<Descriptor> same = entry.getSize() >= KNOWN_AT_LEAST
                                    ? known.bySize(entry.getSize()) : Optional.empty();
                            compressed.put(target, same.isPresent()
                                    ? knownLayer(tar, target, blobs, known, same.get())
                                    : layer(tar, target, blobs));
                        } else {
                            Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                // Read past the tar's end (record padding) so the engine's answer ends cleanly.
                dockerSave.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.ENGINE_ERROR, "Tried to read the image saved by the engine: "
                    + e.getMessage(), e);
        }
        return parse(directory, blobs, compressed);
    }

    /**
     * One layer: kept uncompressed (large files nobody reads left out), hashed, and gzipped once into its blob.
     */
    private Descriptor layer(InputStream tar, Path target, Path blobs) throws IOException {
        MessageDigest raw = Digest.newSha256();
        MessageDigest packed = Digest.newSha256();
        Path tmp = Files.createTempFile(blobs, "layer", ".tmp");
        long rawSize;
        SparseLayerCopy sparse = new SparseLayerCopy(target, keptFiles);
        // The reading thread parses the tar and cuts blocks; hashing and writing the layer copy and the blob run
        // on threads of their own, the deflating on the compressors.
        try (OutputStream copy = new HandOffOutputStream(new DigestOutputStream(sparse, raw), "slipway-layer-copy");
                ParallelGzipOutputStream gz = ParallelGzipOutputStream.of(new HandOffOutputStream(
                        new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), BUFFER), packed),
                        "slipway-blob-writer"), compressors)) {
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

    /**
     * A layer the registry already holds compressed: kept (large files nobody reads left out) and hashed, never
     * compressed; when it turns out not to be that layer, compressed from the copy after all.
     */
    private Descriptor knownLayer(InputStream tar, Path target, Path blobs, KnownLayers known, Descriptor same)
            throws IOException {
        MessageDigest raw = Digest.newSha256();
        SparseLayerCopy sparse = new SparseLayerCopy(target, keptFiles);
        long rawSize;
        try (OutputStream copy = new HandOffOutputStream(new DigestOutputStream(sparse, raw), "slipway-layer-copy")) {
            rawSize = tar.transferTo(copy);
        }
        Digest diffId = Digest.ofSha256(raw);
        if (diffId.equals(same.diffId())) {
            if (!sparse.complete()) {
                // A wanted hard link names data the copy left out (rare): take the whole layer from the blob.
                Path blob = blobs.resolve(same.digest().hex());
                known.fetch(same, blob);
                try (InputStream in = new GZIPInputStream(Files.newInputStream(blob), BUFFER)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new Descriptor(OciImageWriter.LAYER, same.digest(), same.size(), diffId, rawSize);
        }
        if (!sparse.exact()) {
            throw new SizeMatchedOtherLayerException("A layer of " + rawSize + " bytes (" + diffId + ") had the size"
                    + " of the parent's layer " + same.diffId() + " but not its content");
        }
        Path again = target.resolveSibling(target.getFileName() + ".again");
        try (InputStream copy = Files.newInputStream(target)) {
            return layer(copy, again, blobs);
        } finally {
            Files.deleteIfExists(again);
        }
    }

    private SavedImage parse(Path directory, Path blobs, Map<Path, Descriptor> compressed) {
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
            return new SavedImage(config, layers, layerBlobs, blobs);
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
