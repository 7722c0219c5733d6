package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides one edge with as few requests as possible (kpromo's GetPromotionCandidates): a HEAD per destination tag
 * (or one by digest when tagless); only when something is missing, a HEAD of the source, and only for a new
 * single-platform manifest, a look at the source's indexes. So an unchanged edge costs one HEAD per tag.
 */
final class EdgeCheck {
    private final RegistryInventory inventory;

    EdgeCheck(RegistryInventory inventory) {
        this.inventory = inventory;
    }

    /** The decision, with a problem for moves, LOST digests and children of an index. */
    Result check(PromotionEdge edge) {
        String host = edge.destination().host();
        String repository = edge.destinationRepository();
        List<String> missing = new ArrayList<>();
        for (String tag : edge.tags()) {
            Optional<ManifestInfo> current = inventory.head(host, repository, tag);
            if (current.isEmpty()) {
                missing.add(tag);
            } else if (!current.get().digest().equals(edge.digest())) {
                return new Result(new PlannedEdge(edge, PlannedEdge.Action.TAG_MOVE, List.of(), Optional.empty()),
                        Optional.of(new PlanProblem(ErrorCode.PROMOTION_TAG_MOVE, "tag move: " + edge.destinationName()
                                + ":" + tag + " points to " + current.get().digest() + ", not " + edge.digest() + " ("
                                + edge.origin() + "); tags are immutable, promote a new tag instead")));
            }
        }
        if (edge.tags().isEmpty() && inventory.head(host, repository, edge.digest().toString()).isEmpty()) {
            missing = null; // tagless and absent: copy by digest
        } else if (missing.isEmpty()) {
            return new Result(new PlannedEdge(edge, PlannedEdge.Action.DONE, List.of(), Optional.empty()),
                    Optional.empty());
        }
        List<String> tags = missing == null ? List.of() : missing;
        String source = edge.source().host();
        Optional<ManifestInfo> staged = inventory.head(source, edge.sourceRepository(), edge.digest().toString());
        if (staged.isEmpty()) {
            return new Result(new PlannedEdge(edge, PlannedEdge.Action.LOST, tags, Optional.empty()),
                    Optional.of(new PlanProblem(ErrorCode.PROMOTION_LOST_DIGEST, edge.sourceReference()
                            + " is not in the source registry (" + edge.origin() + "); nothing copied")));
        }
        if (!MediaTypes.isIndex(staged.get().mediaType())) {
            Digest index = inventory.indexChildren(source, edge.sourceRepository()).get(edge.digest());
            if (index != null) {
                return new Result(new PlannedEdge(edge, PlannedEdge.Action.CHILD, tags, Optional.empty()),
                        Optional.of(new PlanProblem(ErrorCode.PROMOTION_CHILD_DIGEST, edge.sourceReference()
                                + " is a platform child of the index " + index + " (" + edge.origin()
                                + "); promote the index instead")));
            }
        }
        return new Result(new PlannedEdge(edge, PlannedEdge.Action.COPY, tags, Optional.empty()), Optional.empty());
    }

    /** The planned edge and the problem it raised, if any. */
    record Result(PlannedEdge edge, Optional<PlanProblem> problem) {
    }
}
