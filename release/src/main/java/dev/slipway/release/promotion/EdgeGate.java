package dev.slipway.release.promotion;

import java.util.List;

/**
 * A check every edge to copy must pass while the plan is made, e.g. the publishing rules on the source image: a
 * problem it returns refuses the whole plan, so nothing is written (also not in a dry run).
 */
public interface EdgeGate {

    /** The problems that forbid publishing this edge's image; empty when it may be promoted. */
    List<PlanProblem> check(PromotionEdge edge);

    /** What each audit record says about this gate, e.g. {@code "passed"} or why it was skipped. */
    String auditNote();

    /** No gate: every edge passes and the audit record says the rules were not checked. */
    static EdgeGate none() {
        return new EdgeGate() {
            @Override
            public List<PlanProblem> check(PromotionEdge edge) {
                return List.of();
            }

            @Override
            public String auditNote() {
                return "not checked";
            }
        };
    }
}
