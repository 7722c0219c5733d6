package dev.slipway.release.policy;

import java.util.List;

/** "All binary artifacts should include metadata containing the date they were built, as well as ... published." */
final class DatesRule implements PublishingRule {
    @Override
    public void check(PublishingFacts facts, List<Violation> out) {
        if (facts.buildDate() == null) {
            out.add(new Violation(ViolationCode.BUILD_DATE_MISSING, "the build records no build date"));
        }
        if (facts.stage() == PublishingStage.PROMOTION && facts.publishDate() == null) {
            out.add(new Violation(ViolationCode.PUBLISH_DATE_MISSING, "the promotion records no publish date"));
        }
        if (facts.buildDate() != null && facts.publishDate() != null
                && facts.publishDate().isBefore(facts.buildDate())) {
            out.add(new Violation(ViolationCode.PUBLISH_BEFORE_BUILD, "the publish date " + facts.publishDate()
                    + " is before the build date " + facts.buildDate()));
        }
    }
}
