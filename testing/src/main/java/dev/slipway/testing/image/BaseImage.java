package dev.slipway.testing.image;

import dev.slipway.testing.rpm.BuiltRpm;

import java.util.List;
import java.util.Objects;

/**
 * A base image in the local Docker Engine and the fixture RPMs installed in it, so tests can predict what
 * {@code rpm -qa} inside it prints.
 *
 * @param reference the {@code name:tag} it was imported as
 * @param id the engine's image id ({@code sha256:...})
 */
public record BaseImage(String reference, String id, List<BuiltRpm> packages) {
    public BaseImage {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(id, "id");
        packages = List.copyOf(packages);
    }

    /** The NEVRAs of the installed packages, sorted as strings. */
    public List<String> nevras() {
        return packages.stream().map(BuiltRpm::nevra).sorted().toList();
    }
}
