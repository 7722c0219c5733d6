package dev.slipway.worker.image;

import dev.slipway.common.image.Digest;
import java.nio.file.Path;
import java.util.List;

/**
 * A built image in OCI form: an OCI image layout directory holding the config, the gzipped layers and the
 * manifest, whose exact bytes are what gets pushed, so the registry digest equals {@link #manifestDigest()}.
 */
public record OciImage(Path layout, byte[] manifest, String mediaType, Digest manifestDigest, Descriptor config,
        List<Descriptor> layers) {
    public OciImage {
        manifest = manifest.clone();
        layers = List.copyOf(layers);
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    /** Where a blob lives inside the layout. */
    public Path blob(Digest digest) {
        return layout.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
    }

    /** The image id the engine shows: the config digest. */
    public Digest imageId() {
        return config.digest();
    }
}
