package dev.slipway.common.hub;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The optional HMAC signature of a hub API request, shared by the signer (the dist-git hook) and the verifier (the
 * hub) so the two cannot drift: {@code X-Slipway-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>}
 * with {@code X-Slipway-Timestamp: <unix seconds>}, over the exact body bytes sent (Stripe's webhook scheme).
 */
public final class RequestSignature {
    /** The header carrying the signing time in Unix seconds. */
    public static final String TIMESTAMP_HEADER = "X-Slipway-Timestamp";
    /** The header carrying {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-Slipway-Signature";
    private static final String PREFIX = "sha256=";

    private RequestSignature() {
    }

    /** The signature header value for {@code body} signed at {@code epochSeconds}. */
    public static String sign(byte[] secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "HmacSHA256 is not available in this JVM", e);
        }
    }

    /** True when {@code signature} is the one {@link #sign} makes; compared in constant time. */
    public static boolean matches(byte[] secret, long epochSeconds, byte[] body, String signature) {
        if (signature == null || secret.length == 0) {
            return false;
        }
        byte[] expected = sign(secret, epochSeconds, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
