package dev.slipway.common.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {
    private static final byte[] SECRET = "shared-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"src\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sign_isHmacSha256OfTimestampDotBody_asAnyHmacToolComputesIt() {
        // python3: hmac.new(b"shared-secret-0123456789", b'1700000000.{"src":"x"}', hashlib.sha256).hexdigest()
        assertEquals("sha256=54179913cedb416a3ee0afa19a0645535df6e0a840168731d9f7f8bf0b0914fd",
                RequestSignature.sign(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void matches_onlyTheSameSecretTimeAndBytes() {
        String sig = RequestSignature.sign(SECRET, 1_700_000_000L, BODY);
        assertTrue(RequestSignature.matches(SECRET, 1_700_000_000L, BODY, sig));
        assertFalse(RequestSignature.matches(SECRET, 1_700_000_001L, BODY, sig));
        assertFalse(RequestSignature.matches(SECRET, 1_700_000_000L, "{\"src\": \"x\"}".getBytes(
                StandardCharsets.UTF_8), sig), "re-serialised JSON is another body");
        assertFalse(RequestSignature.matches("other".getBytes(StandardCharsets.UTF_8), 1_700_000_000L, BODY, sig));
        assertFalse(RequestSignature.matches(SECRET, 1_700_000_000L, BODY, null));
        assertFalse(RequestSignature.matches(new byte[0], 1_700_000_000L, BODY, sig), "an empty secret never matches");
    }
}
