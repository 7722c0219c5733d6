package dev.slipway.release.promotion;

import java.util.List;

/**
 * What a run did: the plan, whether it wrote ({@code confirmed}), the records of the promoted edges, failed edges,
 * and the blob bytes uploaded to destinations (0 when every blob was mounted or present).
 */
public record PromotionReport(PromotionPlan plan, boolean confirmed, List<PromotionRecord> promoted,
        List<String> failures, long blobBytesUploaded) {
    public PromotionReport {
        promoted = List.copyOf(promoted);
        failures = List.copyOf(failures);
    }

    /** True when nothing was refused, skipped or failed. */
    public boolean clean() {
        return plan.problems().isEmpty() && failures.isEmpty();
    }

    /** 0 when clean, 1 otherwise (refused plan, LOST or child digests, failed edges). */
    public int exitCode() {
        return clean() ? 0 : 1;
    }
}
