package dev.slipway.hub.publication;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.source.CommitId;
import dev.slipway.release.promotion.Approval;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One promotion audit line as {@code slipway promote} writes it (see the release module's AuditLog), posted to
 * record a publication. Values are checked by {@link #validated()} so every bad value answers BAD_PARAMETER.
 */
public record PublicationRequest(
        String source,
        String destination,
        String digest,
        List<String> tags,
        @JsonProperty("publishedAt") @JsonAlias("published_at") String publishedAt,
        @JsonProperty("manifestFile") @JsonAlias("manifest_file") String manifestFile,
        String commit,
        String author,
        String signature,
        String signer,
        @JsonProperty("publishingRules") @JsonAlias("publishing_rules") String publishingRules) {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern REPOSITORY = Pattern.compile(
            "[A-Za-z0-9.-]+(?::[0-9]+)?(?:/" + COMPONENT + ")+");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");

    /** The request's values, checked. */
    public Checked validated() {
        if (destination == null || destination.length() > 1024 || !REPOSITORY.matcher(destination).matches()) {
            throw bad("destination must be a repository like registry.example/team/app (no tag or digest), not '"
                    + destination + "'");
        }
        if (source == null || source.isBlank() || source.length() > 1024 || source.chars().anyMatch(Character::isWhitespace)) {
            throw bad("source must be the promoted registry/image@digest, not '" + source + "'");
        }
        Digest d;
        try {
            d = Digest.parse(digest == null ? "" : digest);
        } catch (RuntimeException e) {
            throw bad("digest must be sha256:<64 hex>, not '" + digest + "'");
        }
        List<String> t = tags == null ? List.of() : tags;
        for (String tag : t) {
            if (tag == null || !TAG.matcher(tag).matches()) {
                throw bad("tags must be valid registry tags; '" + tag + "' is not");
            }
        }
        if (!CommitId.isValid(commit)) {
            throw bad("commit must be the approving git commit id (40 or 64 lower-case hex), not '" + commit + "'");
        }
        if (author == null || author.isBlank() || author.length() > 1024) {
            throw bad("author must name the approving commit's author");
        }
        Approval.SignatureStatus status;
        try {
            status = Approval.SignatureStatus.valueOf(signature == null ? "" : signature);
        } catch (IllegalArgumentException e) {
            throw bad("signature must be one of NOT_CHECKED, GOOD, REJECTED, not '" + signature + "'");
        }
        Instant at;
        try {
            at = Instant.parse(publishedAt == null ? "" : publishedAt);
        } catch (DateTimeParseException e) {
            throw bad("publishedAt must be an ISO-8601 instant such as 2026-01-02T03:04:05Z, not '" + publishedAt + "'");
        }
        if ((manifestFile != null && manifestFile.length() > 1024) || (signer != null && signer.length() > 1024)
                || (publishingRules != null && publishingRules.length() > 4096)) {
            throw bad("manifestFile and signer must be at most 1024 characters, publishingRules at most 4096");
        }
        return new Checked(source, destination, d, List.copyOf(t), at, manifestFile, commit, author, status, signer,
                publishingRules == null ? "not checked" : publishingRules);
    }

    private static SlipwayException bad(String message) {
        return new SlipwayException(ErrorCode.BAD_PARAMETER, "Tried to record a publication but " + message);
    }

    /** A request whose values passed the checks. */
    public record Checked(String source, String destination, Digest digest, List<String> tags, Instant publishedAt,
            String manifestFile, String commit, String author, Approval.SignatureStatus signature, String signer,
            String publishingRules) {
        public Checked {
            tags = List.copyOf(tags);
        }
    }
}
