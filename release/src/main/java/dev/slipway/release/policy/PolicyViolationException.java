package dev.slipway.release.policy;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.stream.Collectors;

/** Thrown by {@link PublishingPolicy#enforce}: a build broke publishing rules; the message lists every one. */
public final class PolicyViolationException extends SlipwayException {
    private static final long serialVersionUID = 1L;
    private final transient PolicyReport report;

    public PolicyViolationException(PolicyReport report) {
        super(ErrorCode.POLICY_VIOLATED, "Tried to publish " + report.subject() + " but "
                + report.violations().size() + " publishing rule(s) failed:\n" + report.violations().stream()
                .map(v -> "  - " + v).collect(Collectors.joining("\n")));
        this.report = report;
    }

    /** The full report, with each violation's code. */
    public PolicyReport report() {
        return report;
    }
}
