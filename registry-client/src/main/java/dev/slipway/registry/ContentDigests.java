package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hashes content with the algorithm of a digest (sha256 or sha512), to verify what the registry sends. */
final class ContentDigests {
    private ContentDigests() {
    }

    static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance("sha512".equals(algorithm) ? "SHA-512" : "SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without " + algorithm, e);
        }
    }

    static Digest finish(String algorithm, MessageDigest digest) {
        return new Digest(algorithm, HexFormat.of().formatHex(digest.digest()));
    }

    static Digest of(String algorithm, byte[] bytes) {
        MessageDigest digest = newDigest(algorithm);
        digest.update(bytes);
        return finish(algorithm, digest);
    }

    /** Throws {@code REGISTRY_DIGEST_MISMATCH} unless the content's digest is the expected one. */
    static void check(String action, Digest expected, Digest actual, String whose) {
        if (!expected.equals(actual)) {
            throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH,
                    "Tried to " + action + " but " + whose + " is " + actual + ", not " + expected);
        }
    }
}
