package dev.slipway.release.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.release.signing.EcSigningKey;
import dev.slipway.release.signing.MirrorSignatureWriter;
import dev.slipway.release.signing.OutsideTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DSSE envelopes checked without our code: jq and base64 rebuild the PAE with printf, openssl verifies it. */
class AttestationOpensslIT {
    /** DSSE protocol.md: PAE = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body; then openssl verifies. */
    private static final String VERIFY_PAE = """
            env="$1"; pub="$2"
            jq -r .payload "$env" | base64 -d > body
            type=$(jq -r .payloadType "$env")
            { printf 'DSSEv1 %d %s %d ' "${#type}" "$type" "$(stat -c %s body)"; cat body; } > pae
            jq -r '.signatures[0].sig' "$env" | base64 -d > sig.der
            openssl dgst -sha256 -verify "$pub" -signature sig.der pae
            """;

    @TempDir
    Path dir;

    @Test
    void buildProvenance_envelope_verifiesWithOpensslAndJqSeesSlsaFields() throws IOException {
        EcSigningKey key = EcSigningKey.generate();
        DsseEnvelope envelope = new AttestationSigner(key).signBuildProvenance(ProvenanceFixtures.build());
        Path env = Files.write(dir.resolve("build.intoto.json"), envelope.toJson());
        Path pub = Files.writeString(dir.resolve("attest.pub"), key.verificationKey().pem());

        OutsideTool verified = OutsideTool.bash(VERIFY_PAE, dir, env.toString(), pub.toString()).requireSuccess();
        OutsideTool fields = OutsideTool.bash("""
                jq -r '.subject[0].digest.sha256, ._type, .predicateType,
                       .predicate.buildDefinition.buildType, .predicate.runDetails.builder.id,
                       (.predicate.buildDefinition.resolvedDependencies[] | select(.digest.gitCommit) | .digest.gitCommit),
                       .predicate.buildDefinition.externalParameters.source.ref,
                       .predicate.runDetails.metadata.finishedOn' body
                """, dir).requireSuccess();

        assertEquals("Verified OK", verified.stdout().strip());
        assertEquals(List.of(ProvenanceFixtures.IMAGE.hex(), "https://in-toto.io/Statement/v1",
                "https://slsa.dev/provenance/v1", InTotoStatements.BUILD_TYPE, "https://slipway.example.org/worker/w1",
                ProvenanceFixtures.COMMIT, "refs/tags/16.0.0", "2026-11-23T00:07:00Z"), fields.stdout().lines().toList());
    }

    @Test
    void promotion_envelope_verifiesWithOpenssl_andTamperedPayloadFails() throws IOException {
        EcSigningKey key = EcSigningKey.generate();
        DsseEnvelope envelope = new AttestationSigner(key).signPromotion(ProvenanceFixtures.promotion());
        Path env = Files.write(dir.resolve("promotion.intoto.json"), envelope.toJson());
        Path pub = Files.writeString(dir.resolve("attest.pub"), key.verificationKey().pem());

        OutsideTool verified = OutsideTool.bash(VERIFY_PAE, dir, env.toString(), pub.toString()).requireSuccess();
        OutsideTool tags = OutsideTool.bash("jq -r '.predicateType, .predicate.tags[], .predicate.approval.commit' body",
                dir).requireSuccess();
        Path tampered = dir.resolve("tampered.json");
        OutsideTool.bash("jq -c --arg p \"$(jq -r .payload \"$1\" | base64 -d | sed s/16.0.0-4/99/ | base64 -w0)\" "
                + "'.payload = $p' \"$1\" > \"$2\"", dir, env.toString(), tampered.toString()).requireSuccess();
        OutsideTool rejected = OutsideTool.bash(VERIFY_PAE, dir, tampered.toString(), pub.toString());

        assertEquals("Verified OK", verified.stdout().strip());
        assertEquals(List.of(InTotoStatements.PROMOTION_PREDICATE, "16.0.0-4", "16", ProvenanceFixtures.COMMIT),
                tags.stdout().lines().toList());
        assertNotEquals(0, rejected.exitCode(), rejected.output());
        assertTrue(rejected.stdout().contains("Verification failure"), rejected.output());
    }

    @Test
    void mirrorAttestations_checksumVerifiesAndEnvelopeLineVerifiesWithOpenssl() throws IOException {
        EcSigningKey key = EcSigningKey.generate();
        AttestationSigner signer = new AttestationSigner(key);
        Path mirror = Files.createDirectories(dir.resolve("mirror"));
        Files.writeString(mirror.resolve("Dockerfile"), "FROM scratch\n");
        OutsideTool.bash("sha256sum Dockerfile > CHECKSUM", mirror).requireSuccess();

        Path file = new MirrorSignatureWriter().writeAttestations(mirror, "nova-conductor-16.0.0-4",
                List.of(signer.signBuildProvenance(ProvenanceFixtures.build()).toJson(),
                        signer.signPromotion(ProvenanceFixtures.promotion()).toJson()));

        OutsideTool sums = OutsideTool.run(List.of("sha256sum", "-c", "CHECKSUM"), mirror, java.util.Map.of())
                .requireSuccess();
        assertTrue(sums.stdout().contains("attestations/nova-conductor-16.0.0-4.intoto.jsonl: OK"), sums.output());
        Path pub = Files.writeString(dir.resolve("attest.pub"), key.verificationKey().pem());
        for (int line = 1; line <= 2; line++) {
            OutsideTool.bash("sed -n \"$1p\" \"$2\" > env.json", dir, String.valueOf(line), file.toString())
                    .requireSuccess();
            assertEquals("Verified OK", OutsideTool.bash(VERIFY_PAE, dir, "env.json", pub.toString())
                    .requireSuccess().stdout().strip());
        }
    }
}
