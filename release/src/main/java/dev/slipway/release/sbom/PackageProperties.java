package dev.slipway.release.sbom;

import dev.slipway.common.content.InstalledPackage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The package-database facts that neither SPDX nor CycloneDX has a field for, as ordered name/value pairs
 * ({@code rpm:sigmd5}, {@code rpm:signature-key-id}...): CycloneDX properties and SPDX package comments.
 */
final class PackageProperties {
    private PackageProperties() {
    }

    static Map<String, String> of(InstalledPackage pkg) {
        String prefix = pkg.type().id() + ":";
        Map<String, String> props = new LinkedHashMap<>();
        put(props, prefix + "nevra", pkg.nevra());
        // RPM's SIGMD5 is the MD5 of the header plus the compressed payload (everything after the signature
        // header), so it identifies the package build but is not the checksum of the .rpm file.
        put(props, prefix + "sigmd5", pkg.sigmd5());
        put(props, prefix + "signature-key-id", pkg.signatureKeyId());
        put(props, prefix + "sourcerpm", pkg.sourceRpm());
        put(props, prefix + "modularitylabel", pkg.modularityLabel());
        put(props, prefix + "license", pkg.license());
        put(props, prefix + "size", Long.toString(pkg.size()));
        return props;
    }

    private static void put(Map<String, String> props, String name, String value) {
        if (value != null && !value.isBlank()) {
            props.put(name, value.strip());
        }
    }
}
