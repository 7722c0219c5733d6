package dev.slipway.release.promotion;

import java.util.List;

/**
 * The plan of a promotion run: every edge with its decision and every problem found. A plan with a refusal is
 * never executed, not even partly; skipped edges (LOST, CHILD) do not stop the others.
 */
public record PromotionPlan(List<PlannedEdge> edges, List<PlanProblem> problems) {
    public PromotionPlan {
        edges = List.copyOf(edges);
        problems = List.copyOf(problems);
    }

    /** True when a problem refuses the whole plan. */
    public boolean refused() {
        return problems.stream().anyMatch(PlanProblem::refuses);
    }

    /** The edges to copy. */
    public List<PlannedEdge> copies() {
        return edges.stream().filter(e -> e.action() == PlannedEdge.Action.COPY).toList();
    }

    /** The edges already promoted. */
    public List<PlannedEdge> done() {
        return edges.stream().filter(e -> e.action() == PlannedEdge.Action.DONE).toList();
    }
}
