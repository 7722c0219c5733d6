package dev.slipway.release.policy;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The outcome of checking one build against the publishing rules: every violation found, in rule order. */
public record PolicyReport(String subject, List<Violation> violations) {
    public PolicyReport {
        violations = List.copyOf(violations);
    }

    /** True when no rule is broken. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The codes of all violations. */
    public Set<ViolationCode> codes() {
        Set<ViolationCode> codes = EnumSet.noneOf(ViolationCode.class);
        violations.forEach(v -> codes.add(v.code()));
        return codes;
    }
}
