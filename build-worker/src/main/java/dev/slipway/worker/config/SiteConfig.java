package dev.slipway.worker.config;

/**
 * Site-wide label values (atomic-reactor's {@code image_labels}): who publishes, where to get help, and the
 * distribution scope. The Dockerfile's own values win where OSBS lets them.
 *
 * @param urlFormat the {@code url} label, with {name}, {version} and {release} substituted
 * @param bugTrackerUrl the bug-tracker URL label (OpenStack rule: where to report problems)
 * @param supportDisclaimer the support-disclaimer label (OpenStack rule: no support promise)
 */
public record SiteConfig(
        String vendor,
        String urlFormat,
        String authoritativeSourceUrl,
        String distributionScope,
        String bugTrackerUrl,
        String supportDisclaimer,
        String defaultLicenses) {

    /** Values used when a site has not configured its own. */
    public static SiteConfig defaults() {
        return new SiteConfig("Slipway Release Engineering", "https://slipway.invalid/images/{name}/{version}-{release}",
                "slipway.invalid", "public", "https://slipway.invalid/bugs",
                "Built by a community build service; provided as is, with no support promise.", null);
    }
}
