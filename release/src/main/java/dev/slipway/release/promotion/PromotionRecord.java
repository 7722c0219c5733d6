package dev.slipway.release.promotion;

import dev.slipway.common.image.Digest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The audit record of one promoted and verified edge: what went where ({@code source} is
 * {@code registry/image@digest}, {@code destination} is {@code registry/image}), under which tags, when, and the
 * git commit that approved it, and what became of the publishing rules ({@code publishingRules}: "passed", "not
 * checked", or why they were skipped). The hub stores these to show where each build was published.
 */
public record PromotionRecord(String source, String destination, Digest digest, List<String> tags,
        Approval approval, Instant publishedAt, String manifestFile, String publishingRules) {
    public PromotionRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(digest, "digest");
        tags = List.copyOf(tags);
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(manifestFile, "manifestFile");
        Objects.requireNonNull(publishingRules, "publishingRules");
    }

    /** {@code destination@digest}, the immutable reference to deploy. */
    public String destinationReference() {
        return destination + "@" + digest;
    }
}
