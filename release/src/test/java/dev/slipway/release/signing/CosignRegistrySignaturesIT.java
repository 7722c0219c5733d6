package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.common.json.Json;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.registry.TestRegistryExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Cosign-format signatures pushed to a real registry, fetched back with skopeo and curl and checked by openssl. */
@ExtendWith(TestRegistryExtension.class)
class CosignRegistrySignaturesIT {
    /** skopeo fetches the .sig manifest, curl the payload blob, openssl checks the annotation's signature. */
    private static final String OPENSSL_CHECK = """
            registry="$1"; repo="$2"; tag="$3"; index="$4"; pub="$5"
            skopeo inspect --raw --tls-verify=false "docker://$registry/$repo:$tag" > sig-manifest.json
            layer=$(jq -r ".layers[$index].digest" sig-manifest.json)
            jq -r ".layers[$index].mediaType" sig-manifest.json
            jq -r ".layers[$index].annotations[\\"dev.cosignproject.cosign/signature\\"]" sig-manifest.json \
                | base64 -d > sig.der
            curl -sf "http://$registry/v2/$repo/blobs/$layer" > payload.json
            jq -r '.critical.type, .critical.image["docker-manifest-digest"], .critical.identity["docker-reference"]' \
                payload.json
            openssl dgst -sha256 -verify "$pub" -signature sig.der payload.json
            """;

    @TempDir
    Path dir;

    @Test
    void add_signature_verifiesWithOpenssl(TestRegistry registry) throws IOException {
        ImageReference image = push(registry);
        Digest digest = TestImage.create("app", "v1", TestImage.Format.OCI).manifestDigest();
        EcSigningKey key = EcSigningKey.generate();

        signatures(registry).add(image, digest, CosignSignature.sign(CosignPayload.of(image, digest, Map.of()), key));

        Path pub = Files.writeString(dir.resolve("cosign.pub"), key.verificationKey().pem());
        OutsideTool check = OutsideTool.bash(OPENSSL_CHECK, dir, registry.hostPort(), image.repository(),
                CosignRegistrySignatures.signatureTag(digest), "0", pub.toString()).requireSuccess();
        assertEquals(List.of(CosignSignature.PAYLOAD_MEDIA_TYPE, CosignPayload.TYPE, digest.toString(), image.name(),
                "Verified OK"), check.stdout().lines().toList());
        OutsideTool tags = OutsideTool.run(List.of("skopeo", "list-tags", "--tls-verify=false",
                "docker://" + image.name())).requireSuccess();
        assertTrue(tags.stdout().contains("\"sha256-" + digest.hex() + ".sig\""), tags.output());
    }

    @Test
    void add_secondSignature_appendsLayerAndBothVerify(TestRegistry registry) throws IOException {
        ImageReference image = push(registry);
        Digest digest = TestImage.create("app", "v1", TestImage.Format.OCI).manifestDigest();
        EcSigningKey first = EcSigningKey.generate();
        EcSigningKey second = EcSigningKey.generate();
        CosignRegistrySignatures signatures = signatures(registry);

        signatures.add(image, digest, CosignSignature.sign(CosignPayload.of(image, digest, Map.of()), first));
        Digest afterSecond = signatures.add(image, digest,
                CosignSignature.sign(CosignPayload.of(image, digest, Map.of("team", "nova")), second));
        CosignSignature again = signatures.fetch(image, digest).get(1);
        Digest afterRepeat = signatures.add(image, digest, again);

        assertEquals(afterSecond, afterRepeat, "re-adding a present signature must not change the manifest");
        Path secondPub = Files.writeString(dir.resolve("second.pub"), second.verificationKey().pem());
        Path firstPub = Files.writeString(dir.resolve("first.pub"), first.verificationKey().pem());
        String tag = CosignRegistrySignatures.signatureTag(digest);
        OutsideTool.bash(OPENSSL_CHECK, dir, registry.hostPort(), image.repository(), tag, "1", secondPub.toString())
                .requireSuccess();
        OutsideTool.bash(OPENSSL_CHECK, dir, registry.hostPort(), image.repository(), tag, "0", firstPub.toString())
                .requireSuccess();
        OutsideTool wrongKey = OutsideTool.bash(OPENSSL_CHECK, dir, registry.hostPort(), image.repository(), tag,
                "0", secondPub.toString());
        assertNotEquals(0, wrongKey.exitCode(), wrongKey.output());
        assertTrue(wrongKey.stdout().contains("Verification failure"), wrongKey.output());
        assertEquals(2, signatures.fetch(image, digest).size());
    }

    @Test
    void fetch_verifiesInJava_andRejectsOtherDigest(TestRegistry registry) {
        ImageReference image = push(registry);
        Digest digest = TestImage.create("app", "v1", TestImage.Format.OCI).manifestDigest();
        EcSigningKey key = EcSigningKey.generate();
        CosignRegistrySignatures signatures = signatures(registry);
        signatures.add(image, digest, CosignSignature.sign(CosignPayload.of(image, digest, Map.of()), key));
        CosignSignatureVerifier verifier = new CosignSignatureVerifier(key.verificationKey(), Json.mapper());

        List<CosignPayload> verified = verifier.verifyAny(signatures.fetch(image, digest), digest);
        Digest other = Digest.sha256(new byte[] {1});
        SlipwayException unsigned = assertThrows(SlipwayException.class,
                () -> verifier.verifyAny(signatures.fetch(image, other), other));

        assertEquals(image.name(), verified.get(0).repository());
        assertEquals(ErrorCode.SIGNATURE_NOT_FOUND, unsigned.code());
    }

    private static ImageReference push(TestRegistry registry) {
        TestImage image = TestImage.create("app", "v1", TestImage.Format.OCI);
        String repository = "cosign-" + UUID.randomUUID().toString().substring(0, 8) + "/app";
        client(registry).pushImage(repository, "1.0", image.manifest(), image.mediaType(),
                List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
        return ImageReference.parse(registry.hostPort() + "/" + repository + ":1.0");
    }

    private static CosignRegistrySignatures signatures(TestRegistry registry) {
        return new CosignRegistrySignatures(client(registry), Json.mapper());
    }

    private static RegistryClient client(TestRegistry registry) {
        return new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(), Json.mapper())
                .forHost(registry.hostPort());
    }
}
