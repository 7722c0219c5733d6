package dev.slipway.release.promotion;

import dev.slipway.common.error.SlipwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Plans a promotion: edges from the manifests, the overlap check (no request), then each edge decided against the
 * registries in parallel, then the approval of every edge to copy, then the {@link EdgeGate} (publishing rules) on
 * every edge to copy. Writes nothing.
 */
final class Planner {
    private final EdgeCheck check;
    private final Approvals approvals;
    private final EdgeGate gate;

    Planner(RegistryInventory inventory, Approvals approvals) {
        this(inventory, approvals, EdgeGate.none());
    }

    Planner(RegistryInventory inventory, Approvals approvals, EdgeGate gate) {
        this.check = new EdgeCheck(inventory);
        this.approvals = approvals;
        this.gate = gate;
    }

    PromotionPlan plan(List<ThinManifest> manifests, ImageFilter filter, ExecutorService pool) {
        List<PromotionEdge> edges = EdgeBuilder.edges(manifests, filter);
        List<PlanProblem> overlaps = OverlapCheck.check(edges);
        if (!overlaps.isEmpty()) {
            return new PromotionPlan(List.of(), overlaps); // refused before asking any registry
        }
        List<EdgeCheck.Result> results = Parallel.map(edges, check::check, pool);
        List<PlannedEdge> planned = new ArrayList<>();
        List<PlanProblem> problems = new ArrayList<>();
        for (EdgeCheck.Result result : results) {
            result.problem().ifPresent(problems::add);
            PlannedEdge edge = result.edge();
            if (edge.action() == PlannedEdge.Action.COPY) {
                try {
                    edge = edge.approved(approvals.approvalOf(edge.edge().file(), edge.edge().digest()));
                } catch (SlipwayException e) {
                    problems.add(new PlanProblem(e.code(), edge.edge() + " (" + edge.edge().origin() + "): "
                            + e.getMessage()));
                }
            }
            planned.add(edge);
        }
        // The gate reads each new image (registry, SBOM, git): in parallel, and only for edges to copy.
        List<PromotionEdge> copies = planned.stream().filter(e -> e.action() == PlannedEdge.Action.COPY)
                .map(PlannedEdge::edge).toList();
        Parallel.map(copies, gate::check, pool).forEach(problems::addAll);
        return new PromotionPlan(planned, problems);
    }
}
