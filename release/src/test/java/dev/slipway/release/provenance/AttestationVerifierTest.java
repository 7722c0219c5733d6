package dev.slipway.release.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import dev.slipway.release.signing.EcSigningKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttestationVerifierTest {
    private final EcSigningKey key = EcSigningKey.generate();
    private final AttestationSigner signer = new AttestationSigner(key);
    private final AttestationVerifier verifier = new AttestationVerifier(key.verificationKey(), Json.mapper());

    @Test
    void buildProvenance_roundTrip_keepsSourceParentsAndRepositories() {
        DsseEnvelope envelope = DsseEnvelope.parse(Json.mapper(),
                signer.signBuildProvenance(ProvenanceFixtures.build()).toJson());

        VerifiedStatement verified = verifier.verifyBuildProvenance(envelope, ProvenanceFixtures.IMAGE);

        var dependencies = verified.predicate().path("buildDefinition").path("resolvedDependencies");
        assertEquals(ProvenanceFixtures.COMMIT, dependencies.get(0).path("digest").path("gitCommit").asText());
        assertEquals(ProvenanceFixtures.PARENT.hex(), dependencies.get(1).path("digest").path("sha256").asText());
        assertTrue(dependencies.get(1).path("uri").asText().startsWith("pkg:oci/ubi@sha256%3A"));
        assertEquals("baseos", dependencies.get(2).path("name").asText());
        assertEquals("team-16-candidate",
                verified.predicate().path("buildDefinition").path("externalParameters").path("target").asText());
        assertEquals(key.verificationKey().keyId(), verified.keyid());
    }

    @Test
    void promotion_roundTrip_recordsApprovalAndPublishTime() {
        VerifiedStatement verified = verifier.verifyPromotion(signer.signPromotion(ProvenanceFixtures.promotion()),
                ProvenanceFixtures.IMAGE);

        assertEquals("Release Manager <rm@example.org>",
                verified.predicate().path("approval").path("author").asText());
        assertEquals("2026-11-24T10:00:00Z", verified.predicate().path("publishedOn").asText());
        assertEquals("registry.example.org/team/nova-conductor", verified.statement().path("subject").get(0)
                .path("name").asText());
    }

    @Test
    void verify_otherKey_isInvalid() {
        AttestationVerifier stranger = new AttestationVerifier(EcSigningKey.generate().verificationKey(),
                Json.mapper());

        SlipwayException e = assertThrows(SlipwayException.class, () -> stranger.verifyBuildProvenance(
                signer.signBuildProvenance(ProvenanceFixtures.build()), ProvenanceFixtures.IMAGE));

        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    @Test
    void verify_tamperedPayload_isInvalid() {
        DsseEnvelope good = signer.signBuildProvenance(ProvenanceFixtures.build());
        byte[] payload = new String(good.payload(), StandardCharsets.UTF_8).replace("refs/tags/16.0.0",
                "refs/tags/17.0.0").getBytes(StandardCharsets.UTF_8);
        DsseEnvelope tampered = new DsseEnvelope(good.payloadType(), payload, good.signatures());

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> verifier.verifyBuildProvenance(tampered, ProvenanceFixtures.IMAGE));

        assertEquals(ErrorCode.SIGNATURE_INVALID, e.code());
    }

    @Test
    void verify_otherDigest_isClaimMismatch() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier.verifyBuildProvenance(
                signer.signBuildProvenance(ProvenanceFixtures.build()), Digest.sha256(new byte[] {9})));

        assertEquals(ErrorCode.SIGNATURE_CLAIM_MISMATCH, e.code());
    }

    @Test
    void verify_promotionAsBuildProvenance_isRefused() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> verifier.verifyBuildProvenance(
                signer.signPromotion(ProvenanceFixtures.promotion()), ProvenanceFixtures.IMAGE));

        assertEquals(ErrorCode.PROVENANCE_INVALID, e.code());
        assertTrue(e.getMessage().contains(InTotoStatements.PROMOTION_PREDICATE), e.getMessage());
    }

    @Test
    void pae_matchesTheDsseSpecExample() {
        byte[] pae = Dsse.pae("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

        assertEquals("DSSEv1 29 http://example.com/HelloWorld 11 hello world",
                new String(pae, StandardCharsets.UTF_8));
    }

    @Test
    void envelope_hasOneSignatureWithKeyId() {
        DsseEnvelope envelope = signer.signPromotion(ProvenanceFixtures.promotion());

        assertEquals(Dsse.IN_TOTO_PAYLOAD_TYPE, envelope.payloadType());
        assertEquals(List.of(key.verificationKey().keyId()),
                envelope.signatures().stream().map(DsseSignature::keyid).toList());
    }
}
