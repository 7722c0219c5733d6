package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
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
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * skopeo copy with a {@code signedBy} policy, reading our signatures over HTTP from {@link LookasideHttpHandler}
 * as configured in a {@code registries.d} file, pulls from a real registry: signed images pass, the rest fail.
 */
@ExtendWith(TestRegistryExtension.class)
class LookasidePolicyIT {
    @TempDir
    Path dir;
    private HttpServer server;
    private GnupgHome gnupg;
    private GpgSigningKey key;
    private LookasideStore store;
    private String prefix;

    @BeforeEach
    void serveLookaside() throws IOException {
        key = new GpgKeyGenerator(Clock.systemUTC(), 2048).generate("Release <release@slipway.invalid>",
                new char[0]);
        store = new LookasideStore(dir.resolve("lookaside"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sigs", new LookasideHttpHandler(new LookasideResolver(store.root())));
        server.start();
        gnupg = GnupgHome.create();
        prefix = "prod-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        server.stop(0);
        gnupg.close();
    }

    @Test
    void copy_signedTag_isAccepted(TestRegistry registry) throws IOException {
        ImageReference image = push(registry, prefix + "/hello", "1.0", "signed");
        signInto(image);

        OutsideTool copy = copy(registry, image.toString());

        assertEquals(0, copy.exitCode(), copy.output());
        assertTrue(Files.exists(dir.resolve("out/manifest.json")), copy.output());
        assertTrue(copy.output().contains("Writing manifest"), copy.output());
    }

    @Test
    void copy_unsignedImage_isRejected(TestRegistry registry) throws IOException {
        ImageReference signed = push(registry, prefix + "/hello", "1.0", "signed");
        signInto(signed);
        ImageReference unsigned = push(registry, prefix + "/unsigned", "1.0", "unsigned");

        OutsideTool copy = copy(registry, unsigned.toString());

        assertNotEquals(0, copy.exitCode(), copy.output());
        assertTrue(copy.stderr().contains("rejected"), copy.output());
    }

    @Test
    void copy_sameDigestUnderAnotherTag_isRejected(TestRegistry registry) throws IOException {
        ImageReference signed = push(registry, prefix + "/hello", "1.0", "signed");
        signInto(signed);
        ImageReference otherTag = push(registry, prefix + "/hello", "2.0", "signed");

        OutsideTool copy = copy(registry, otherTag.toString());

        assertNotEquals(0, copy.exitCode(), copy.output());
        assertTrue(copy.stderr().contains("is not accepted"), copy.output());
    }

    private ImageReference push(TestRegistry registry, String repository, String tag, String content) {
        TestImage image = TestImage.create("hello", content, TestImage.Format.OCI);
        RegistryClient client = new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(),
                Json.mapper()).forHost(registry.hostPort());
        client.pushImage(repository, tag, image.manifest(), image.mediaType(),
                List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
        return ImageReference.parse(registry.hostPort() + "/" + repository + ":" + tag);
    }

    private void signInto(ImageReference image) {
        TestImage pushed = TestImage.create("hello", "signed", TestImage.Format.OCI);
        byte[] signature = new GpgSimpleSigner(key, Clock.systemUTC()).sign(new SimpleSigningPayload(
                pushed.manifestDigest(), image, "slipway test", Instant.now()));
        store.add(image, pushed.manifestDigest(), signature);
    }

    private OutsideTool copy(TestRegistry registry, String reference) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("release.asc"), key.publicKeys().armored());
        Path policy = Files.writeString(dir.resolve("policy.json"), """
                {"default": [{"type": "reject"}],
                 "transports": {"docker": {"%s/%s": [
                     {"type": "signedBy", "keyType": "GPGKeys", "keyPath": "%s"}]}}}
                """.formatted(registry.hostPort(), prefix, keyFile));
        Path registriesD = Files.createDirectories(dir.resolve("registries.d"));
        Files.writeString(registriesD.resolve("slipway.yaml"), """
                docker:
                  %s:
                    sigstore: http://127.0.0.1:%d/sigs
                """.formatted(registry.hostPort(), server.getAddress().getPort()));
        return gnupg.run(List.of("skopeo", "--policy", policy.toString(), "--registries.d", registriesD.toString(),
                "copy", "--src-tls-verify=false", "docker://" + reference, "dir:" + dir.resolve("out")));
    }
}
