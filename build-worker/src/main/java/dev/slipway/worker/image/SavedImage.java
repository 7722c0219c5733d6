package dev.slipway.worker.image;

import java.nio.file.Path;
import java.util.List;

/**
 * An image as {@code docker save} wrote it, unpacked: the exact config bytes (whose sha256 is the image id) and
 * the uncompressed layer tars in order.
 */
public record SavedImage(byte[] config, List<Path> layerTars, Path dockerArchive) {
    public SavedImage {
        layerTars = List.copyOf(layerTars);
    }
}
