package dev.slipway.release.sbom;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Everything an SBOM says about one build, as plain values the worker already has.
 *
 * @param name the image name (the {@code name} label, e.g. {@code team/nova-conductor})
 * @param arch the image architecture as OCI names it ({@code amd64}, {@code arm64})
 * @param imageDigest the pushed manifest digest: the SBOM's subject, and the source of its stable ids
 * @param imageRepository where the image lives, {@code registry/path} (the purl {@code repository_url})
 * @param created the build date; the only timestamp written, so equal inputs give equal bytes
 * @param supplier the owning team (OpenStack rule: a team, never "the community")
 * @param licenses the image's {@code org.opencontainers.image.licenses} expression, or null
 * @param parents the images the build started FROM, in Dockerfile order
 */
public record SbomInput(
        String name,
        String version,
        String release,
        String arch,
        Digest imageDigest,
        String imageRepository,
        Instant created,
        String supplier,
        String bugTrackerUrl,
        String supportDisclaimer,
        String sourceRepository,
        String commit,
        String licenses,
        Distro distro,
        List<ParentImage> parents,
        PackageManifest packages) {

    public SbomInput {
        required(name, "name");
        required(version, "version");
        required(release, "release");
        required(arch, "arch");
        required(imageRepository, "imageRepository");
        required(supplier, "supplier");
        required(bugTrackerUrl, "bugTrackerUrl");
        required(supportDisclaimer, "supportDisclaimer");
        required(sourceRepository, "sourceRepository");
        required(commit, "commit");
        Objects.requireNonNull(imageDigest, "imageDigest");
        Objects.requireNonNull(distro, "distro");
        Objects.requireNonNull(packages, "packages");
        // SPDX and CycloneDX both want whole seconds in UTC; truncating here keeps the two documents in step.
        created = Objects.requireNonNull(created, "created").truncatedTo(ChronoUnit.SECONDS);
        parents = List.copyOf(parents);
    }

    /** {@code version-release}, the image's unique tag and its SBOM version. */
    public String versionRelease() {
        return version + "-" + release;
    }

    /** The last path segment of the repository: the purl name of the image. */
    public String repositoryName() {
        return imageRepository.substring(imageRepository.lastIndexOf('/') + 1);
    }

    private static void required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new SlipwayException(ErrorCode.SBOM_INPUT_INVALID,
                    "Tried to build an SBOM but its input has no " + field);
        }
    }
}
