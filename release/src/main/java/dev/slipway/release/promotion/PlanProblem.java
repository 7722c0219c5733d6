package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import java.util.Objects;
import java.util.Set;

/**
 * Something the plan found: a refusal (tag move, overlapping edges, unapproved or unsigned change, a broken
 * publishing rule), which fails the
 * whole plan before anything is written, or a skipped edge (LOST digest, child of an index) reported alongside.
 */
public record PlanProblem(ErrorCode code, String message) {
    private static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.PROMOTION_TAG_MOVE,
            ErrorCode.PROMOTION_OVERLAPPING_EDGES, ErrorCode.PROMOTION_NOT_APPROVED,
            ErrorCode.PROMOTION_UNSIGNED_COMMIT, ErrorCode.PROMOTION_GIT_FAILED);

    public PlanProblem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** True when this problem fails the plan (nothing is written). */
    public boolean refuses() {
        return REFUSALS.contains(code) || publishingGate(code);
    }

    /** 11900-11949: the publishing rules and their facts, checked by an {@link EdgeGate}; each one refuses. */
    private static boolean publishingGate(ErrorCode code) {
        return code.code() >= 11900 && code.code() < 11950;
    }

    @Override
    public String toString() {
        return (refuses() ? "REFUSED" : code == ErrorCode.PROMOTION_LOST_DIGEST ? "_LOST_" : "SKIPPED") + " ["
                + code.code() + " " + code.name() + "] " + message;
    }
}
