package dev.slipway.release.publish;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.image.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the source registry says about one single-platform image: its config labels and the RPM manifest read from
 * its CycloneDX SBOM referrer (empty when it has none).
 *
 * @param digest the image manifest's digest (a child's digest when the promoted digest is an index)
 */
record ImageFacts(Digest digest, Map<String, String> labels, Optional<PackageManifest> packages) {
    ImageFacts {
        Objects.requireNonNull(digest, "digest");
        labels = Map.copyOf(labels);
        Objects.requireNonNull(packages, "packages");
    }

    /** A label's value, or null when the image does not carry it. */
    String label(String name) {
        return labels.get(name);
    }
}
