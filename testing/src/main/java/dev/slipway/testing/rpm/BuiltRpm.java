package dev.slipway.testing.rpm;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A fixture RPM that exists on disk.
 *
 * @param signatureKeyId the lower-case 16-hex-digit id of the key that signed it, or null when unsigned
 */
public record BuiltRpm(RpmSpec spec, Path file, String signatureKeyId) {
    public BuiltRpm {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(file, "file");
    }

    public String name() {
        return spec.name();
    }

    public String nevra() {
        return spec.nevra();
    }
}
