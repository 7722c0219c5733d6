package dev.slipway.release.policy;

import dev.slipway.common.content.PackageManifest;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one build when it is released or promoted; missing facts are null, since reporting them is
 * the policy's job.
 *
 * @param packages the image's package manifest, or null when none was recorded
 * @param scratchAllowed the build is FROM scratch and its target explicitly allows an empty package manifest
 * @param publishDate when the build was published; required at {@link PublishingStage#PROMOTION}
 * @param signedTagRequired the target requires the source to be a signed git tag
 * @param vendor the {@code vendor} label: the team that produces the image
 */
public record PublishingFacts(
        PublishingStage stage,
        String name,
        String version,
        String architecture,
        PackageManifest packages,
        boolean scratchAllowed,
        Instant buildDate,
        Instant publishDate,
        SourceFacts source,
        boolean signedTagRequired,
        String vendor,
        String bugTrackerUrl,
        String supportDisclaimer) {

    public PublishingFacts {
        Objects.requireNonNull(stage, "stage");
        source = source == null ? new SourceFacts(null, null, null) : source;
    }

    /** {@code name-version} (or what is known of it), for messages. */
    String label() {
        return (name == null ? "<no name>" : name) + "-" + (version == null ? "<no version>" : version);
    }
}
