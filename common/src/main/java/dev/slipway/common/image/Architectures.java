package dev.slipway.common.image;

import java.util.Map;

/** Maps Koji/RPM architecture names (what images and RPMs say) to the OCI/Go names manifests and purls use. */
public final class Architectures {
    private static final Map<String, String> GOARCH = Map.of("x86_64", "amd64", "aarch64", "arm64",
            "ppc64le", "ppc64le", "s390x", "s390x", "i686", "386", "armv7hl", "arm");

    private Architectures() {
    }

    /** {@code x86_64} → {@code amd64}; names without a mapping are returned unchanged. */
    public static String oci(String kojiArch) {
        return GOARCH.getOrDefault(kojiArch, kojiArch);
    }
}
