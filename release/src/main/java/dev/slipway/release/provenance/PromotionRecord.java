package dev.slipway.release.provenance;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.source.CommitId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One promoted digest: where it came from, where it went under which tags, the reviewed git commit that approved
 * it and when it was published.
 *
 * @param source the staging repository (tag and digest ignored)
 * @param destination the production repository (tag and digest ignored)
 * @param digest the promoted manifest digest, the statement's subject
 * @param tags the destination tags (may be empty for a by-digest promotion)
 * @param approvingCommit full id of the manifest commit that approved the edge
 * @param approvingAuthor that commit's author ({@code Name <email>})
 * @param commitSignature the commit's signature status as {@code git verify-commit} judged it (e.g. {@code good},
 *     {@code unsigned}), or null when not checked
 * @param publishedAt when the destination got the digest
 * @param promoterId URI of the promoter that did the copy
 */
public record PromotionRecord(ImageReference source, ImageReference destination, Digest digest, List<String> tags,
        String approvingCommit, String approvingAuthor, String commitSignature, Instant publishedAt,
        URI promoterId) {
    public PromotionRecord {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(digest, "digest");
        tags = List.copyOf(tags);
        for (String tag : tags) {
            destination.withTag(tag); // validates the tag syntax
        }
        if (!CommitId.isValid(approvingCommit)) {
            throw new SlipwayException(ErrorCode.PROVENANCE_INVALID, "Tried to record the promotion of " + digest
                    + " but the approving commit '" + approvingCommit + "' is not a full commit id");
        }
        Objects.requireNonNull(approvingAuthor, "approvingAuthor");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(promoterId, "promoterId");
    }
}
