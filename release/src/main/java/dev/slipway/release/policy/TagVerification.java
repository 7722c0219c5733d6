package dev.slipway.release.policy;

import java.util.Objects;

/**
 * What checking a git tag found.
 *
 * @param commit the commit the tag points to, or null when the tag was not found
 * @param detail what git or gpg said, for messages
 */
public record TagVerification(Status status, String commit, String detail) {

    /** The outcome. */
    public enum Status {
        /** The tag exists and {@code git verify-tag} accepted its signature. */
        VERIFIED,
        /** The tag exists but is lightweight, unsigned, or its signature does not verify against the keyring. */
        UNVERIFIED,
        /** The repository has no such tag (or could not be fetched). */
        NOT_FOUND
    }

    public TagVerification {
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }
}
