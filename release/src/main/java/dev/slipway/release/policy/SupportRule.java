package dev.slipway.release.policy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * "Each artifact must be published with metadata, such as a bug tracker URL, describing where and how to seek
 * help", and teams must state the limits of the support they offer (a support disclaimer).
 */
final class SupportRule implements PublishingRule {
    @Override
    public void check(PublishingFacts facts, List<Violation> out) {
        String url = facts.bugTrackerUrl();
        if (PublishingRule.blank(url)) {
            out.add(new Violation(ViolationCode.BUG_TRACKER_MISSING, "the build has no bug-tracker URL"));
        } else if (!isWebUrl(url.strip())) {
            out.add(new Violation(ViolationCode.BUG_TRACKER_INVALID,
                    "bug-tracker URL '" + url + "' is not an absolute http or https URL"));
        }
        if (PublishingRule.blank(facts.supportDisclaimer())) {
            out.add(new Violation(ViolationCode.SUPPORT_DISCLAIMER_MISSING, "the build has no support disclaimer"));
        }
    }

    private static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
