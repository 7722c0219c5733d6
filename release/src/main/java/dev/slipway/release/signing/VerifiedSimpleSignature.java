package dev.slipway.release.signing;

import java.util.Objects;

/** A simple signature that verified: its authenticated payload and the fingerprint of the primary key that made it. */
public record VerifiedSimpleSignature(SimpleSigningPayload payload, String keyFingerprint) {
    public VerifiedSimpleSignature {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(keyFingerprint, "keyFingerprint");
    }
}
