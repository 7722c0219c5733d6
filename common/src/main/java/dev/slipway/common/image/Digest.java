package dev.slipway.common.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest as defined by the OCI image spec ({@code algorithm:encoded}); only sha256 and sha512 are
 * accepted, as the distribution registry does.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests">OCI digests</a>
 */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
    private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
    private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

    public Digest {
        String text = algorithm + ":" + hex;
        if (!"sha256".equals(algorithm) && !"sha512".equals(algorithm)) {
            throw new InvalidValueException(ErrorCode.INVALID_DIGEST, text, "algorithm must be sha256 or sha512");
        }
        Pattern expected = "sha256".equals(algorithm) ? SHA256 : SHA512;
        if (hex == null || !expected.matcher(hex).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_DIGEST, text,
                    "expected " + ("sha256".equals(algorithm) ? 64 : 128) + " lower-case hex digits");
        }
    }

    /** Parses {@code sha256:<64 hex>}. */
    public static Digest parse(String text) {
        if (text == null) {
            throw new InvalidValueException(ErrorCode.INVALID_DIGEST, "null", "no digest given");
        }
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InvalidValueException(ErrorCode.INVALID_DIGEST, text, "expected algorithm:hex");
        }
        return new Digest(text.substring(0, colon), text.substring(colon + 1));
    }

    /** True when {@code text} parses as a digest ({@code sha256:<64 hex>} or {@code sha512:<128 hex>}). */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /** True when {@code text} is exactly {@code sha256:<64 lower-case hex>}, the only form some formats allow. */
    public static boolean isSha256(String text) {
        return text != null && text.startsWith("sha256:") && isValid(text);
    }

    /** The sha256 digest of exactly these bytes. */
    public static Digest sha256(byte[] bytes) {
        return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(bytes)));
    }

    /** A fresh SHA-256 MessageDigest; every JVM has one. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without SHA-256", e);
        }
    }

    /** The digest of a finished MessageDigest computation. */
    public static Digest ofSha256(MessageDigest finished) {
        return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
    }

    /** True when these bytes hash to this digest. */
    public boolean matches(byte[] bytes) {
        if (!"sha256".equals(algorithm)) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes)).equals(hex);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JVM without SHA-512", e);
            }
        }
        return sha256(bytes).equals(this);
    }

    /** The form used in lookaside signature directories and cosign tags: {@code sha256=<hex>}. */
    public String withEquals() {
        return algorithm + "=" + hex;
    }

    @Override
    public int compareTo(Digest other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return algorithm + ":" + hex;
    }
}
