package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.auth.Credentials;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.transport.RetryPolicy;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.Skopeo;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Copies by digest between two real registries and inside one token-protected registry, checked with skopeo. */
class ImageCopierIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestRegistry staging;
    private static TestRegistry production;

    @BeforeAll
    static void start() {
        staging = TestRegistry.start(AuthMode.TOKEN);
        production = TestRegistry.start(AuthMode.OPEN);
    }

    @AfterAll
    static void stop() {
        staging.close();
        production.close();
    }

    private static RegistryClientFactory factory() {
        RegistryClientConfig config = RegistryClientConfig.defaults()
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .withRetry(new RetryPolicy(2, Duration.ofMillis(50), Duration.ofMillis(100)));
        return new RegistryClientFactory(config, CredentialsSource.of(Map.of(staging.hostPort(),
                new Credentials(staging.username(), staging.password()))), JSON);
    }

    private static String repo(String name) {
        return "copy/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An image whose layer holds {@code size} random bytes (incompressible, so the layer is that big). */
    private static TestImage bigImage(String name, int size) {
        byte[] content = new byte[size];
        new Random(name.hashCode()).nextBytes(content);
        return TestImage.create(name, content, TestImage.Format.DOCKER);
    }

    private static void push(RegistryClient client, String repository, String tag, TestImage image) {
        client.pushImage(repository, tag, image.manifest(), image.mediaType(),
                List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
    }

    @Test
    void copy_acrossRegistries_streamsTheBlobsAndKeepsTheDigest() {
        String repository = repo("across");
        TestImage image = bigImage(repository, 3 * 1024 * 1024);
        RegistryClientFactory factory = factory();
        push(factory.forHost(staging.hostPort()), repository, "1.0", image);

        ImageCopyResult result = new ImageCopier(JSON).copy(factory.forHost(staging.hostPort()), repository,
                image.manifestDigest(), factory.forHost(production.hostPort()), "prod/app", List.of("1.0", "stable"));

        assertEquals(2, result.blobsUploaded());
        assertEquals(image.layer().length + image.config().length, result.bytesUploaded());
        String staged = new Skopeo(staging).rawManifestSha256(repository, "1.0");
        assertEquals(image.manifestDigest().toString(), staged);
        assertEquals(staged, new Skopeo(production).rawManifestSha256("prod/app", "1.0"));
        assertEquals(staged, new Skopeo(production).rawManifestSha256("prod/app", "stable"));
    }

    @Test
    void copy_insideOneRegistry_mountsEveryBlobAndUploadsNothing() {
        String source = repo("mount-src");
        String target = repo("mount-dst");
        TestImage image = bigImage(source, 64 * 1024);
        RegistryClient client = factory().forHost(staging.hostPort());
        push(client, source, "1", image);
        int mark = staging.requests().size();

        ImageCopyResult result = new ImageCopier(JSON).copy(client, source, image.manifestDigest(), client, target,
                List.of("1"));

        assertEquals(2, result.blobsMounted());
        assertEquals(0, result.bytesUploaded());
        assertTrue(staging.requestsSince(mark).stream().noneMatch(e -> e.is("PATCH", ".*")
                || e.is("PUT", ".*/blobs/uploads/.*") || e.is("GET", ".*/blobs/.*")), staging.requestsSince(mark)
                .toString());
        assertEquals(image.manifestDigest().toString(), new Skopeo(staging).rawManifestSha256(target, "1"));
    }

    @Test
    void copy_index_pushesEveryChildBeforeTheIndex() {
        String repository = repo("index");
        RegistryClientFactory factory = factory();
        RegistryClient stagingClient = factory.forHost(staging.hostPort());
        TestImage amd64 = TestImage.create("a.txt", "amd64 " + repository, TestImage.Format.OCI);
        TestImage arm64 = TestImage.create("b.txt", "arm64 " + repository, TestImage.Format.OCI);
        push(stagingClient, repository, "amd64", amd64);
        push(stagingClient, repository, "arm64", arm64);
        byte[] index = index(amd64, arm64);
        Digest indexDigest = stagingClient.pushManifest(repository, "multi", index, MediaTypes.OCI_INDEX);
        int mark = production.requests().size();

        ImageCopyResult result = new ImageCopier(JSON).copy(stagingClient, repository, indexDigest,
                factory.forHost(production.hostPort()), repository, List.of("multi"));

        assertEquals(3, result.manifestsPushed());
        Skopeo prod = new Skopeo(production);
        assertEquals(indexDigest.toString(), prod.rawManifestSha256(repository, "multi"));
        for (TestImage child : List.of(amd64, arm64)) {
            assertEquals(child.manifestDigest().toString(),
                    prod.rawManifestSha256(repository, child.manifestDigest().toString()));
        }
        List<String> manifestPuts = production.requestsSince(mark).stream()
                .filter(e -> e.is("PUT", ".*/manifests/.*")).map(e -> e.path()).toList();
        assertTrue(manifestPuts.get(manifestPuts.size() - 1).endsWith("/manifests/multi"), manifestPuts.toString());
    }

    @Test
    void copy_tamperedSourceBlob_failsAndTheDestinationNeverHasIt() throws Exception {
        String repository = repo("tampered");
        TestImage image = bigImage(repository, 256 * 1024);
        RegistryClientFactory factory = factory();
        push(factory.forHost(staging.hostPort()), repository, "1", image);
        byte[] bytes = Files.readAllBytes(staging.blobDataFile(image.layerDigest().toString()));
        bytes[bytes.length / 2] ^= 1;
        Files.write(staging.blobDataFile(image.layerDigest().toString()), bytes);
        RegistryClient target = factory.forHost(production.hostPort());

        assertThrows(SlipwayException.class, () -> new ImageCopier(JSON).copy(factory.forHost(staging.hostPort()),
                repository, image.manifestDigest(), target, repository, List.of("1")));

        assertTrue(target.headBlob(repository, image.layerDigest()).isEmpty());
        assertTrue(target.headManifest(repository, "1").isEmpty());
    }

    private static byte[] index(TestImage amd64, TestImage arm64) {
        String entry = "{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":%d,\"platform\":{\"architecture\":\"%s\","
                + "\"os\":\"linux\"}}";
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
                + String.format(entry, amd64.mediaType(), amd64.manifestDigest(), amd64.manifest().length, "amd64")
                + "," + String.format(entry, arm64.mediaType(), arm64.manifestDigest(), arm64.manifest().length,
                        "arm64") + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
