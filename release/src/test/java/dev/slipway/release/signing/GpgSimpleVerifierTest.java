package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GpgSimpleVerifierTest {
    private static final Digest DIGEST = Digest.sha256("m".getBytes(StandardCharsets.UTF_8));
    private static final ImageReference IDENTITY = ImageReference.parse("registry.example.org/team/app:1.0");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);
    private static GpgSigningKey key;
    private static GpgSigningKey stranger;

    @BeforeAll
    static void keys() {
        GpgKeyGenerator generator = new GpgKeyGenerator(CLOCK, 2048);
        key = generator.generate("Release <r@slipway.invalid>", "pw".toCharArray());
        stranger = generator.generate("Stranger <s@slipway.invalid>", new char[0]);
    }

    @Test
    void verify_ourSignature_returnsPayloadAndFingerprint() {
        VerifiedSimpleSignature verified = verifier().verify(sign(DIGEST, IDENTITY), DIGEST, IDENTITY);

        assertEquals(key.fingerprint(), verified.keyFingerprint());
        assertEquals(Instant.parse("2026-11-23T00:00:00Z"), verified.payload().timestamp());
        assertEquals("slipway 0.1", verified.payload().creator());
    }

    @Test
    void verify_byDigestReference_acceptsSameRepository() {
        ImageReference byDigest = IDENTITY.withDigest(DIGEST);

        VerifiedSimpleSignature verified = verifier().verify(sign(DIGEST, IDENTITY), DIGEST, byDigest);

        assertEquals(IDENTITY, verified.payload().identity());
    }

    @Test
    void verify_otherTag_isClaimMismatch() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier().verify(sign(DIGEST, IDENTITY),
                DIGEST, IDENTITY.withTag("2.0")));

        assertEquals(ErrorCode.SIGNATURE_CLAIM_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("signs the identity " + IDENTITY), e.getMessage());
    }

    @Test
    void verify_otherDigest_isClaimMismatch() {
        Digest other = Digest.sha256(new byte[] {2});

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> verifier().verify(sign(DIGEST, IDENTITY), other, IDENTITY));

        assertEquals(ErrorCode.SIGNATURE_CLAIM_MISMATCH, e.code());
    }

    @Test
    void verify_untrustedKey_isUntrusted() {
        byte[] blob = new GpgSimpleSigner(stranger, CLOCK).sign(payload(DIGEST, IDENTITY));

        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier().verify(blob, DIGEST, IDENTITY));

        assertEquals(ErrorCode.SIGNATURE_UNTRUSTED, e.code());
    }

    @Test
    void verify_flippedPayloadByte_isInvalid() {
        byte[] blob = sign(DIGEST, IDENTITY);
        String text = new String(blob, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("registry.example.org");
        blob[at] = (byte) 'R';

        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier().verify(blob, DIGEST, IDENTITY));

        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    @Test
    void verify_unknownCriticalMember_isRejectedAfterAuthentication() {
        byte[] content = ("{\"critical\":{\"type\":\"atomic container signature\",\"image\":{\"docker-manifest-digest\":"
                + "\"" + DIGEST + "\"},\"identity\":{\"docker-reference\":\"" + IDENTITY + "\"},\"x\":1},"
                + "\"optional\":{}}").getBytes(StandardCharsets.UTF_8);
        byte[] blob = new GpgSimpleSigner(key, CLOCK).signBytes(content, "test payload");

        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier().verify(blob, DIGEST, IDENTITY));

        assertEquals(ErrorCode.SIGNATURE_PAYLOAD_INVALID, e.code());
        assertTrue(e.getMessage().contains("[identity, image, type]"), e.getMessage());
    }

    @Test
    void verify_garbage_isInvalid() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> verifier().verify("not pgp".getBytes(StandardCharsets.UTF_8), DIGEST, IDENTITY));

        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    @Test
    void parse_armoredSecretKeyWithPassphrase_signsLikeTheOriginal() {
        GpgSigningKey reloaded = GpgSigningKey.parse(key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII),
                "pw".toCharArray(), null);
        byte[] blob = new GpgSimpleSigner(reloaded, CLOCK).sign(payload(DIGEST, IDENTITY));

        assertEquals(key.fingerprint(), verifier().verify(blob, DIGEST, IDENTITY).keyFingerprint());
    }

    @Test
    void parse_wrongPassphrase_saysSo() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> GpgSigningKey.parse(
                key.armoredSecretKey().getBytes(StandardCharsets.US_ASCII), "wrong".toCharArray(), null));

        assertEquals(ErrorCode.SIGNING_KEY_INVALID, e.code());
        assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
    }

    private static GpgSimpleVerifier verifier() {
        return new GpgSimpleVerifier(key.publicKeys(), Json.mapper(), CLOCK);
    }

    private static byte[] sign(Digest digest, ImageReference identity) {
        return new GpgSimpleSigner(key, CLOCK).sign(payload(digest, identity));
    }

    private static SimpleSigningPayload payload(Digest digest, ImageReference identity) {
        return new SimpleSigningPayload(digest, identity, "slipway 0.1", CLOCK.instant());
    }
}
