package dev.slipway.worker.image;

import java.nio.file.Path;
import java.util.List;

/**
 * An image as {@code docker save} wrote it, unpacked and compressed once: the exact config bytes (whose sha256 is
 * the image id), the uncompressed layer tars in order, each layer's gzip blob (in {@code blobDirectory}, named by
 * its hex digest) and the gzipped {@code docker load}-able archive with its checksums (null when none was kept).
 */
public record SavedImage(byte[] config, List<Path> layerTars, List<Descriptor> layerBlobs, Path blobDirectory,
        WrittenFile dockerArchive) {
    public SavedImage {
        layerTars = List.copyOf(layerTars);
        layerBlobs = List.copyOf(layerBlobs);
        if (layerTars.size() != layerBlobs.size()) {
            throw new IllegalArgumentException("one blob per layer tar");
        }
    }

    /** Where a layer's compressed blob is. */
    public Path blob(Descriptor layer) {
        return blobDirectory.resolve(layer.digest().hex());
    }
}
