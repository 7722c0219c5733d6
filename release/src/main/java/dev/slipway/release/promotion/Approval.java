package dev.slipway.release.promotion;

import java.util.Objects;
import java.util.Optional;

/**
 * The git commit that approved an edge: the commit that added the digest to the images file, its author, and
 * whether its signature was checked with {@code git verify-commit} against the configured keyring.
 */
public record Approval(String commit, String author, SignatureStatus signature, Optional<String> signer) {

    /** The signature check's outcome. */
    public enum SignatureStatus {
        /** Signed commits are not required, so the signature was not checked. */
        NOT_CHECKED("signature not checked"),
        /** {@code git verify-commit} accepted a signature by a key of the keyring. */
        GOOD("good signature"),
        /** Unsigned, or signed by a key outside the keyring, or the signature is bad. */
        REJECTED("signature rejected");

        private final String label;

        SignatureStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Approval {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(signer, "signer");
    }
}
