package dev.slipway.release.sbom;

import dev.slipway.common.image.Digest;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of a referrers list: the descriptor of an artifact manifest whose {@code subject} is an image.
 *
 * @param artifactType e.g. {@code application/spdx+json}
 * @param annotations the manifest's annotations, copied into the descriptor as the spec asks
 */
public record Referrer(Digest digest, long size, String mediaType, String artifactType,
        Map<String, String> annotations) {
    public Referrer {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        annotations = Map.copyOf(new TreeMap<>(annotations));
    }
}
