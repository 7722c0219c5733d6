package dev.slipway.worker.dockerfile;

import java.util.Objects;

/**
 * The Dockerfile text a build runs, and the name of the buildinfo file it copies into the image. The caller writes
 * {@code text} into the build context both as {@code Dockerfile} and as {@code buildInfoFileName}.
 */
public record FinalDockerfile(String text, String buildInfoFileName) {
    public FinalDockerfile {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(buildInfoFileName, "buildInfoFileName");
    }
}
