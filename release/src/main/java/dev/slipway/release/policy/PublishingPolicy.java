package dev.slipway.release.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The OpenStack publishing rules as one checker: {@link #check} returns every violation, {@link #enforce} throws
 * them all at once. The rules run in the order of the guideline.
 *
 * @see <a href="https://governance.openstack.org/tc/resolutions/20170530-binary-artifacts.html">Guidelines for
 *     Managing Releases of Binary Artifacts</a>
 */
public final class PublishingPolicy {
    private final List<PublishingRule> rules;

    /** A policy whose source checks go through {@code verifier} (e.g. a {@link GitSourceVerifier}). */
    public PublishingPolicy(SourceVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        this.rules = List.of(new IdentityRule(), new PackageManifestRule(), new DatesRule(),
                new SourceRule(verifier), new VendorRule(), new SupportRule());
    }

    /** Every rule the build breaks; an empty report when it may be published. */
    public PolicyReport check(PublishingFacts facts) {
        List<Violation> violations = new ArrayList<>();
        for (PublishingRule rule : rules) {
            rule.check(facts, violations);
        }
        return new PolicyReport(facts.label(), violations);
    }

    /** Returns the (passing) report, or throws {@link PolicyViolationException} listing every violation. */
    public PolicyReport enforce(PublishingFacts facts) {
        PolicyReport report = check(facts);
        if (!report.passed()) {
            throw new PolicyViolationException(report);
        }
        return report;
    }
}
