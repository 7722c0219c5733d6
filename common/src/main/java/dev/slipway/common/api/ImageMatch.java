package dev.slipway.common.api;

import java.util.List;

/** An image that contains a given package: the build, the image and the matching component. */
public record ImageMatch(long buildId, String nvr, BuildState state, String arch, String digest,
        List<String> pullSpecs, RpmComponent component) {
    public ImageMatch {
        pullSpecs = List.copyOf(pullSpecs);
    }
}
