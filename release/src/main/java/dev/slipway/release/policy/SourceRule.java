package dev.slipway.release.policy;

import java.util.List;
import java.util.Optional;

/**
 * "Built from well-defined points in the history ... identified with signed tags" and "the inputs to recreate the
 * build ... must be made available": the recorded commit must be fetchable from the recorded repository and, when the
 * target requires it, the recorded tag must verify against the keyring and point at that commit.
 */
final class SourceRule implements PublishingRule {
    private final SourceVerifier verifier;

    SourceRule(SourceVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public void check(PublishingFacts facts, List<Violation> out) {
        SourceFacts source = facts.source();
        if (PublishingRule.blank(source.repository()) || PublishingRule.blank(source.commit())) {
            out.add(new Violation(ViolationCode.SOURCE_NOT_RECORDED, "the build records no source "
                    + (PublishingRule.blank(source.repository()) ? "repository" : "commit")));
            return;
        }
        Optional<String> problem = verifier.commitProblem(source.repository(), source.commit());
        problem.ifPresent(why -> out.add(new Violation(ViolationCode.SOURCE_UNREACHABLE, "commit "
                + source.commit() + " is not available from " + source.repository() + ": " + why)));
        if (!facts.signedTagRequired()) {
            return;
        }
        if (PublishingRule.blank(source.tag())) {
            out.add(new Violation(ViolationCode.SOURCE_TAG_MISSING,
                    "the target requires a signed git tag but the build was not made from a tag"));
            return;
        }
        TagVerification tag = verifier.verifyTag(source.repository(), source.tag());
        switch (tag.status()) {
            case NOT_FOUND -> out.add(new Violation(ViolationCode.SOURCE_TAG_NOT_FOUND, "tag '" + source.tag()
                    + "' was not found in " + source.repository() + ": " + tag.detail()));
            case UNVERIFIED -> out.add(new Violation(ViolationCode.SOURCE_TAG_UNVERIFIED, "git verify-tag did not"
                    + " accept tag '" + source.tag() + "': " + tag.detail()));
            case VERIFIED -> {
                if (!source.commit().equals(tag.commit())) {
                    out.add(new Violation(ViolationCode.SOURCE_TAG_COMMIT_MISMATCH, "signed tag '" + source.tag()
                            + "' points at " + tag.commit() + " but the build used " + source.commit()));
                }
            }
            default -> throw new IllegalStateException("unknown tag status " + tag.status());
        }
    }
}
