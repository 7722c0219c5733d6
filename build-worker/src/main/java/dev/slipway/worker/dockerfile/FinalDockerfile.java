package dev.slipway.worker.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Dockerfile a build is described by, and how it is run.
 *
 * @param text the final Dockerfile: what the image's buildinfo file and the mirror hold, ending with the
 *     {@code COPY} of the buildinfo file and the one {@code LABEL} line
 * @param buildInfoFileName the buildinfo file's name, copied to {@code /root/buildinfo/}
 * @param engineText {@code text} without those two last instructions and without {@code deferred}: what the
 *     engine builds. The worker applies them to the image itself, exactly as the engine would, without a container
 *     and a commit each.
 * @param labelInstruction the last line of {@code text}, as the image's history records it
 * @param labels the labels that line sets
 * @param deferred the CMD and ENTRYPOINT instructions that end the final stage before those two: they only set the
 *     config, so the worker applies them too, and the engine's Dockerfile ends before them
 * @param cmdBeforeDeferred whether the final stage sets CMD before {@code deferred} (an ENTRYPOINT then keeps it)
 */
public record FinalDockerfile(String text, String buildInfoFileName, String engineText, String labelInstruction,
        Map<String, String> labels, List<Instruction> deferred, boolean cmdBeforeDeferred) {
    /** Where the final Dockerfile of every layer built by Slipway or OSBS lies in the image. */
    public static final String BUILDINFO_DIR = "/root/buildinfo/";

    public FinalDockerfile {
        labels = Map.copyOf(labels);
        deferred = List.copyOf(deferred);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(buildInfoFileName, "buildInfoFileName");
        Objects.requireNonNull(engineText, "engineText");
        Objects.requireNonNull(labelInstruction, "labelInstruction");
        if (!text.startsWith(engineText)) {
            throw new IllegalArgumentException("the engine's Dockerfile is the start of the final one");
        }
    }

    /** The destination of the buildinfo file inside the image. */
    public String buildInfoPath() {
        return BUILDINFO_DIR + buildInfoFileName;
    }
}
