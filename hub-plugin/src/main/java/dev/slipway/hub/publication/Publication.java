package dev.slipway.hub.publication;

import java.time.Instant;
import java.util.List;

/**
 * Where a build was published: the destination pull spec by digest, its tags, when, and the git commit (with its
 * author and signature status) that approved the promotion.
 */
public record Publication(long id, long buildId, String nvr, String source, String destination, String digest,
        String pullSpec, List<String> tags, Instant publishedAt, String manifestFile, String commit, String author,
        String signature, String signer, String publishingRules, String recordedBy) {
    public Publication {
        tags = List.copyOf(tags);
    }
}
