package dev.slipway.release.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "The metadata ... must not say or imply that they are produced by 'the OpenStack community.' Specific team names
 * should be used instead." Any vendor that contains the word community (in any case, with any punctuation) fails.
 */
final class VendorRule implements PublishingRule {
    private static final Set<String> COMMUNITY = Set.of("community", "communities");

    @Override
    public void check(PublishingFacts facts, List<Violation> out) {
        if (PublishingRule.blank(facts.vendor())) {
            out.add(new Violation(ViolationCode.VENDOR_MISSING, "the build has no vendor; name the producing team"));
            return;
        }
        String[] words = facts.vendor().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        for (String word : words) {
            if (COMMUNITY.contains(word)) {
                out.add(new Violation(ViolationCode.VENDOR_IS_COMMUNITY, "vendor '" + facts.vendor()
                        + "' names a community; use the name of the team that produces and supports the image"));
                return;
            }
        }
    }
}
