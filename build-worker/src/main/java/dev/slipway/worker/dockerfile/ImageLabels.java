package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Nvr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The identity labels of the image a Dockerfile builds, validated the OSBS way (see {@link #of(Dockerfile)}).
 *
 * @param component the Koji package name ({@code com.redhat.component}, or legacy {@code BZComponent})
 * @param name the repository path the image is pushed to ({@code name}, or legacy {@code Name})
 * @param version the version, without '-' ({@code version}, or legacy {@code Version})
 * @param release the release, or null when the Dockerfile sets none and the build will choose one
 * @param labels every label of the final stage after substitution, as the Dockerfile sets them
 */
public record ImageLabels(String component, String name, String version, String release,
        Map<String, String> labels) {
    public ImageLabels {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        LabelPolicy.checkComponent(component, 0);
        LabelPolicy.checkName(name, 0);
        LabelPolicy.checkVersion(version, 0);
        if (release != null) {
            LabelPolicy.checkRelease(release, 0);
        }
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
    }

    /**
     * Validates the final stage's labels: component and name must be written literally in a LABEL (a value
     * from ENV/ARG substitution is refused), version must be present (substitution allowed) without '-', and a
     * release, when set, must match {@link Nvr#RELEASE}.
     *
     * @throws DockerfileException with {@link ErrorCode#LABEL_MISSING} or {@link ErrorCode#LABEL_INVALID}
     */
    public static ImageLabels of(Dockerfile dockerfile) {
        return of(dockerfile.finalConfig());
    }

    /** As {@link #of(Dockerfile)}, for one stage's configuration. */
    public static ImageLabels of(StageConfig config) {
        return LabelPolicy.validate(config);
    }

    /** The same identity with the release the build chose (validated against {@link Nvr#RELEASE}). */
    public ImageLabels withRelease(String chosen) {
        return new ImageLabels(component, name, version, Objects.requireNonNull(chosen, "release"), labels);
    }

    /** The primary tag, {@code version-release}. */
    public String versionRelease() {
        return version + "-" + requireRelease("the version-release tag");
    }

    /** The Koji build identity: component-version-release. */
    public Nvr nvr() {
        return new Nvr(component, version, requireRelease("the NVR"));
    }

    /** The buildinfo copy of the Dockerfile: {@code Dockerfile-<name with / as ->-<version>-<release>}. */
    public String buildInfoFileName() {
        return "Dockerfile-" + name.replace('/', '-') + "-" + version + "-" + requireRelease("the buildinfo file");
    }

    /**
     * Checks every tag the build will push: {@code version-release} (always) and {@code tags}; each must be a valid
     * tag of at most 128 characters.
     *
     * @throws DockerfileException with {@link ErrorCode#TAG_TOO_LONG} or {@link ErrorCode#INVALID_TAG}
     */
    public void checkTags(List<String> tags) {
        LabelPolicy.checkTags(versionRelease(), List.copyOf(tags));
    }

    private String requireRelease(String what) {
        if (release == null) {
            throw new DockerfileException(ErrorCode.LABEL_MISSING, 0, "label 'release' is not set yet, so "
                    + what + " of " + component + "-" + version + " is not known; choose a release first");
        }
        return release;
    }
}
