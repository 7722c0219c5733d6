package dev.slipway.release.sbom;

import dev.slipway.common.image.Digest;
import java.util.Objects;

/**
 * An image a build started FROM: the repository it came from ({@code registry/path}) and the manifest digest that
 * was pinned, so the SBOM names the exact ancestor.
 */
public record ParentImage(String repository, Digest digest) {
    public ParentImage {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(digest, "digest");
    }
}
