package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses overlapping edges: two edges writing one destination tag with different digests (kpromo's
 * CheckOverlappingEdges). Needs no registry, so it runs before any request.
 */
final class OverlapCheck {
    private OverlapCheck() {
    }

    static List<PlanProblem> check(List<PromotionEdge> edges) {
        Map<String, List<PromotionEdge>> byTag = new LinkedHashMap<>();
        for (PromotionEdge edge : edges) {
            for (String tag : edge.tags()) {
                byTag.computeIfAbsent(edge.destinationName() + ":" + tag, k -> new ArrayList<>()).add(edge);
            }
        }
        List<PlanProblem> problems = new ArrayList<>();
        byTag.forEach((target, writers) -> {
            if (writers.stream().map(PromotionEdge::digest).distinct().count() > 1) {
                StringBuilder which = new StringBuilder();
                for (PromotionEdge writer : writers) {
                    which.append(which.length() == 0 ? "" : " and ").append(writer.digest()).append(" (")
                            .append(writer.origin()).append(')');
                }
                problems.add(new PlanProblem(ErrorCode.PROMOTION_OVERLAPPING_EDGES,
                        "overlapping edges: " + target + " is asked to point to " + which));
            }
        });
        return problems;
    }
}
