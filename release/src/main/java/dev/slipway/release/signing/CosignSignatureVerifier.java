package dev.slipway.release.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks cosign signatures as {@code cosign verify --key} does for key-signed images without a transparency log:
 * the signature over the exact payload bytes, then the claim that the payload names the image's manifest digest.
 */
public final class CosignSignatureVerifier {
    private final EcVerificationKey key;
    private final ObjectMapper json;

    public CosignSignatureVerifier(EcVerificationKey key, ObjectMapper json) {
        this.key = Objects.requireNonNull(key, "key");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** The payload of one signature, which must verify with the key and claim {@code digest}. */
    public CosignPayload verify(CosignSignature signature, Digest digest) {
        if (!key.verifies(signature.payload(), signature.signature())) {
            throw new SlipwayException(ErrorCode.SIGNATURE_INVALID, "Tried to verify a cosign signature for "
                    + digest + " with key " + key.keyId() + " but it does not match the payload");
        }
        CosignPayload payload = CosignPayload.parse(json, signature.payload());
        if (!payload.manifestDigest().equals(digest)) {
            throw new SlipwayException(ErrorCode.SIGNATURE_CLAIM_MISMATCH, "Tried to verify a cosign signature for "
                    + digest + " but its payload claims " + payload.manifestDigest());
        }
        return payload;
    }

    /** The payloads of every signature that verifies for {@code digest}; fails when none does. */
    public List<CosignPayload> verifyAny(List<CosignSignature> signatures, Digest digest) {
        List<CosignPayload> verified = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (CosignSignature signature : signatures) {
            try {
                verified.add(verify(signature, digest));
            } catch (SlipwayException e) {
                failures.add(e.getMessage());
            }
        }
        if (verified.isEmpty()) {
            throw new SlipwayException(signatures.isEmpty() ? ErrorCode.SIGNATURE_NOT_FOUND
                    : ErrorCode.SIGNATURE_INVALID, "Tried to verify " + signatures.size()
                    + " cosign signature(s) for " + digest + " with key " + key.keyId() + " but none verified"
                    + (failures.isEmpty() ? "" : ": " + failures));
        }
        return List.copyOf(verified);
    }
}
