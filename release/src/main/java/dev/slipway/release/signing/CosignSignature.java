package dev.slipway.release.signing;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One cosign signature: the exact payload bytes (the layer blob) and the DER ECDSA signature over them (base64 in
 * the layer annotation {@code dev.cosignproject.cosign/signature}).
 */
public record CosignSignature(byte[] payload, byte[] signature) {
    /** The layer annotation holding the base64 signature. */
    public static final String SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
    /** The media type of the payload layer. */
    public static final String PAYLOAD_MEDIA_TYPE = "application/vnd.dev.cosign.simplesigning.v1+json";

    public CosignSignature {
        payload = Objects.requireNonNull(payload, "payload").clone();
        signature = Objects.requireNonNull(signature, "signature").clone();
    }

    /** Signs the payload's exact JSON bytes with a P-256 key. */
    public static CosignSignature sign(CosignPayload payload, EcSigningKey key) {
        byte[] bytes = payload.toJson();
        return new CosignSignature(bytes, key.sign(bytes));
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature as the annotation carries it. */
    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CosignSignature s && Arrays.equals(payload, s.payload)
                && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "CosignSignature[" + payload.length + " payload bytes, " + signatureBase64() + "]";
    }
}
