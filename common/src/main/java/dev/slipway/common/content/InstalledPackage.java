package dev.slipway.common.content;

import java.util.Objects;

/**
 * One package installed in an image, as read from its package database. Fields a format lacks are null
 * (dpkg has no sigmd5; a package without a signature has no key id).
 *
 * @param signatureKeyId the 16-hex-digit OpenPGP key id that signed the package (SIGPGP or RSAHEADER), lower case
 * @param modularityLabel the RPM MODULARITYLABEL tag
 */
public record InstalledPackage(
        PackageType type,
        String name,
        Integer epoch,
        String version,
        String release,
        String arch,
        long size,
        String sigmd5,
        Long buildTime,
        String license,
        String vendor,
        String sourceRpm,
        String signatureKeyId,
        String modularityLabel) {

    public InstalledPackage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /** {@code name-[epoch:]version-release.arch}, as {@code rpm -qa --qf '%{NEVRA}'} prints it. */
    public String nevra() {
        StringBuilder sb = new StringBuilder(name).append('-');
        if (epoch != null) {
            sb.append(epoch).append(':');
        }
        sb.append(version);
        if (release != null && !release.isEmpty()) {
            sb.append('-').append(release);
        }
        if (arch != null) {
            sb.append('.').append(arch);
        }
        return sb.toString();
    }
}
