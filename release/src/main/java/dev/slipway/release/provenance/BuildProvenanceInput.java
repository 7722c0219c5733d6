package dev.slipway.release.provenance;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.source.CommitId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one build's SLSA provenance states: the image it produced, the source it was built from, its parents and
 * RPM repositories, and who ran it when.
 *
 * @param image the built image's repository (a tag is allowed and ignored in the subject)
 * @param manifestDigest the pushed manifest's digest, the statement's subject
 * @param sourceRepository the git URL the source was fetched from
 * @param commit the full commit id that was built
 * @param ref the ref asked for (e.g. {@code refs/tags/16.0.0}), or null when built from a bare commit
 * @param target the build target name
 * @param scratch true for scratch builds (never released)
 * @param parentImages the FROM images, each pinned by digest
 * @param rpmRepositories the RPM repositories enabled during the build
 * @param builderId URI of the builder (the worker identity), {@code runDetails.builder.id}
 * @param invocationId the build or task id
 * @param internalParameters worker-side settings worth recording (may be empty)
 */
public record BuildProvenanceInput(ImageReference image, Digest manifestDigest, String sourceRepository,
        String commit, String ref, String target, boolean scratch, List<ImageReference> parentImages,
        List<RpmRepository> rpmRepositories, URI builderId, String invocationId, Instant startedOn,
        Instant finishedOn, Map<String, String> internalParameters) {
    public BuildProvenanceInput {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        require(sourceRepository != null && !sourceRepository.isBlank(), "the source repository is missing");
        require(CommitId.isValid(commit),
                "the commit '" + commit + "' is not a full lower-case commit id");
        require(target != null && !target.isBlank(), "the build target is missing");
        parentImages = List.copyOf(parentImages);
        for (ImageReference parent : parentImages) {
            require(parent.digest() != null, "the parent image " + parent + " is not pinned by digest");
        }
        rpmRepositories = List.copyOf(rpmRepositories);
        Objects.requireNonNull(builderId, "builderId");
        require(invocationId != null && !invocationId.isBlank(), "the invocation id is missing");
        Objects.requireNonNull(startedOn, "startedOn");
        Objects.requireNonNull(finishedOn, "finishedOn");
        require(!finishedOn.isBefore(startedOn), "the build finished (" + finishedOn + ") before it started ("
                + startedOn + ")");
        internalParameters = Map.copyOf(internalParameters);
    }

    private static void require(boolean condition, String reason) {
        if (!condition) {
            throw new SlipwayException(ErrorCode.PROVENANCE_INVALID, "Tried to record build provenance but " + reason);
        }
    }
}
