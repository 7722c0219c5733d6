package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CosignPayloadTest {
    private static final Digest DIGEST = Digest.sha256(new byte[] {1});
    private static final ImageReference IMAGE = ImageReference.parse("registry.example.org/team/app:1.0");

    @Test
    void toJson_withoutAnnotations_isCosignsShapeWithNullOptional() {
        String json = new String(CosignPayload.of(IMAGE, DIGEST, Map.of()).toJson(), StandardCharsets.UTF_8);

        assertEquals("{\"critical\":{\"identity\":{\"docker-reference\":\"registry.example.org/team/app\"},"
                + "\"image\":{\"docker-manifest-digest\":\"" + DIGEST + "\"},"
                + "\"type\":\"cosign container image signature\"},\"optional\":null}", json);
    }

    @Test
    void parse_roundTripsAnnotations() {
        CosignPayload payload = CosignPayload.of(IMAGE, DIGEST, Map.of("team", "nova", "build", "42"));

        assertEquals(payload, CosignPayload.parse(Json.mapper(), payload.toJson()));
    }

    @Test
    void verifier_otherKey_isInvalid() {
        CosignSignature signature = CosignSignature.sign(CosignPayload.of(IMAGE, DIGEST, Map.of()),
                EcSigningKey.generate());
        CosignSignatureVerifier verifier = new CosignSignatureVerifier(EcSigningKey.generate().verificationKey(),
                Json.mapper());

        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier.verify(signature, DIGEST));

        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    @Test
    void pem_roundTrip_keepsTheKey() {
        EcSigningKey key = EcSigningKey.generate();
        EcSigningKey reloaded = EcSigningKey.fromPem(key.privateKeyPem());
        byte[] data = "payload".getBytes(StandardCharsets.UTF_8);

        assertEquals(key.verificationKey().keyId(), reloaded.verificationKey().keyId());
        assertEquals(true, EcVerificationKey.fromPem(key.verificationKey().pem()).verifies(data, reloaded.sign(data)));
    }
}
