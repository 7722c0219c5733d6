package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Signing a pushed image in both formats leaves signatures that our verifiers and skopeo's layout agree on. */
@ExtendWith(TestRegistryExtension.class)
class ImageSignerIT {
    @TempDir
    Path dir;

    @Test
    void sign_pushedImage_bothSignaturesVerifyForTheIdentity(TestRegistry registry) {
        TestImage image = TestImage.create("app", "signer", TestImage.Format.OCI);
        String repository = "signer-" + UUID.randomUUID().toString().substring(0, 8) + "/app";
        RegistryClient client = new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(),
                Json.mapper()).forHost(registry.hostPort());
        client.pushImage(repository, "2.0-1", image.manifest(), image.mediaType(),
                List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
        ImageReference identity = ImageReference.parse(registry.hostPort() + "/" + repository + ":2.0-1");
        GpgSigningKey gpgKey = new GpgKeyGenerator(Clock.systemUTC(), 2048).generate("R <r@slipway.invalid>",
                new char[0]);
        EcSigningKey cosignKey = EcSigningKey.generate();
        CosignRegistrySignatures cosign = new CosignRegistrySignatures(client, Json.mapper());
        LookasideStore lookaside = new LookasideStore(dir);
        Instant published = Instant.parse("2026-11-23T12:00:00Z");

        SignedImage signed = new ImageSigner(gpgKey, lookaside, cosignKey, cosign, Clock.systemUTC(), "slipway 0.1")
                .sign(new SigningRequest(identity, image.manifestDigest(), published, Map.of("build", "7")));

        assertEquals(dir.resolve(repository + "@sha256=" + image.manifestDigest().hex() + "/signature-1"),
                signed.lookasideFile());
        VerifiedSimpleSignature simple = new GpgSimpleVerifier(gpgKey.publicKeys(), Json.mapper(),
                Clock.systemUTC()).verify(lookaside.read(identity, image.manifestDigest()).get(0),
                image.manifestDigest(), identity);
        assertEquals(published, simple.payload().timestamp());
        List<CosignPayload> payloads = new CosignSignatureVerifier(cosignKey.verificationKey(), Json.mapper())
                .verifyAny(cosign.fetch(identity, image.manifestDigest()), image.manifestDigest());
        assertEquals(Map.of("build", "7"), payloads.get(0).annotations());
    }
}
