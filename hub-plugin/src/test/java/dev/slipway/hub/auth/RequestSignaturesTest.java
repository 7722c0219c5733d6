package dev.slipway.hub.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSignaturesTest {
    private static final long NOW = 1_700_000_000L;
    private static final byte[] SECRET = "hookbot-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"src\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    private final RequestSignatures signatures = new RequestSignatures(Map.of("hookbot", SECRET),
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private final Principal hookbot = user("hookbot");

    @Test
    void check_rightSignatureWithinTheSkew_passes() {
        long at = NOW - 299;
        assertDoesNotThrow(() -> signatures.check(hookbot, Long.toString(at), RequestSignature.sign(SECRET, at, BODY),
                BODY));
    }

    @Test
    void check_missingStaleOrWrong_isRequestSignatureInvalid() {
        String fresh = RequestSignature.sign(SECRET, NOW, BODY);
        assertRefused(null, fresh, "required");
        assertRefused(Long.toString(NOW), null, "required");
        assertRefused("yesterday", fresh, "Unix seconds");
        assertRefused(Long.toString(NOW - 301), RequestSignature.sign(SECRET, NOW - 301, BODY), "clock");
        assertRefused(Long.toString(NOW + 301), RequestSignature.sign(SECRET, NOW + 301, BODY), "clock");
        assertRefused(Long.toString(NOW), RequestSignature.sign("guess".getBytes(StandardCharsets.UTF_8), NOW, BODY),
                "does not match");
    }

    @Test
    void check_usersWithoutASecretAndHosts_areNotChecked() {
        assertDoesNotThrow(() -> signatures.check(user("alice"), null, null, BODY));
        assertDoesNotThrow(() -> signatures.check(new Principal(Principal.Kind.HOST, 1, "hookbot", Set.of(),
                Set.of()), null, null, BODY));
    }

    @Test
    void load_shortSecret_isAConfigurationError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("s"), "short\n");
        SlipwayException e = assertThrows(SlipwayException.class, () -> RequestSignatures.load(Map.of("hookbot", file),
                Clock.systemUTC()));
        assertEquals(ErrorCode.CONFIG_INVALID, e.code());
    }

    private void assertRefused(String timestamp, String signature, String says) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> signatures.check(hookbot, timestamp, signature,
                BODY));
        assertEquals(ErrorCode.REQUEST_SIGNATURE_INVALID, e.code());
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }

    private static Principal user(String name) {
        return new Principal(Principal.Kind.USER, 7, name, Set.of(Role.PACKAGER), Set.of());
    }
}
