package dev.slipway.release.policy;

import java.util.List;

/** "The metadata must clearly specify the name and version of the principal component ... and the architecture." */
final class IdentityRule implements PublishingRule {
    @Override
    public void check(PublishingFacts facts, List<Violation> out) {
        if (PublishingRule.blank(facts.name())) {
            out.add(new Violation(ViolationCode.NAME_MISSING, "the build has no name label"));
        }
        if (PublishingRule.blank(facts.version())) {
            out.add(new Violation(ViolationCode.VERSION_MISSING, "the build has no version label"));
        }
        if (PublishingRule.blank(facts.architecture())) {
            out.add(new Violation(ViolationCode.ARCHITECTURE_MISSING, "the build records no architecture"));
        }
    }
}
