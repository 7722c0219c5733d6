package dev.slipway.common.api;

/**
 * One package inside an image, as a Koji content-generator {@code rpm} component record plus the extra fields
 * Slipway keeps ({@code size, buildtime, license, vendor, sourcerpm, module}).
 */
public record RpmComponent(
        String type,
        String name,
        Integer epoch,
        String version,
        String release,
        String arch,
        String sigmd5,
        String signature,
        Long size,
        Long buildtime,
        String license,
        String vendor,
        String sourcerpm,
        String module) {

    /** {@code name-[epoch:]version-release.arch}. */
    public String nevra() {
        return name + "-" + (epoch == null ? "" : epoch + ":") + version + "-" + release
                + (arch == null ? "" : "." + arch);
    }
}
