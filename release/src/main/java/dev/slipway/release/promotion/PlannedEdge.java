package dev.slipway.release.promotion;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An edge with what the plan decided: {@code COPY} the digest and write {@code missingTags}, nothing to do
 * ({@code DONE}), or skip it ({@code LOST}, {@code CHILD}, {@code TAG_MOVE}). {@code approval} is set for copies.
 */
public record PlannedEdge(PromotionEdge edge, Action action, List<String> missingTags, Optional<Approval> approval) {

    /** What happens to the edge. */
    public enum Action { COPY, DONE, LOST, CHILD, TAG_MOVE }

    public PlannedEdge {
        Objects.requireNonNull(edge, "edge");
        Objects.requireNonNull(action, "action");
        missingTags = List.copyOf(missingTags);
        Objects.requireNonNull(approval, "approval");
    }

    PlannedEdge approved(Approval by) {
        return new PlannedEdge(edge, action, missingTags, Optional.of(by));
    }

    @Override
    public String toString() {
        return switch (action) {
            case COPY -> "COPY " + edge.sourceReference() + " -> " + edge.destinationName()
                    + (missingTags.isEmpty() ? "@" + edge.digest() : ":" + String.join(",", missingTags))
                    + approval.map(a -> " (approved by " + a.commit().substring(0, 12) + " " + a.author() + ", "
                            + a.signature().label() + ")").orElse("");
            case DONE -> "DONE " + edge + " (already promoted)";
            default -> action + " " + edge;
        };
    }
}
