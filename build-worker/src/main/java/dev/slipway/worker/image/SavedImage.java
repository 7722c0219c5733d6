package dev.slipway.worker.image;

import java.nio.file.Path;
import java.util.List;

/**
 * An image as {@code docker save} wrote it, unpacked and compressed once: the exact config bytes (whose sha256 is
 * the image id), the uncompressed layer tars in order and each layer's gzip blob (in {@code blobDirectory}, named by
 * its hex digest).
 */
public record SavedImage(byte[] config, List<Path> layerTars, List<Descriptor> layerBlobs, Path blobDirectory) {
    public SavedImage {
        config = config.clone();
        layerTars = List.copyOf(layerTars);
        layerBlobs = List.copyOf(layerBlobs);
        if (layerTars.size() != layerBlobs.size()) {
            throw new IllegalArgumentException("one blob per layer tar");
        }
    }

    @Override
    public byte[] config() {
        return config.clone();
    }

    /** Where a layer's compressed blob is. */
    public Path blob(Descriptor layer) {
        return blobDirectory.resolve(layer.digest().hex());
    }
}
