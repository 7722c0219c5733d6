package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.auth.Credentials;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.transport.RetryPolicy;
import dev.slipway.testing.registry.AccessLogEntry;
import dev.slipway.testing.registry.Skopeo;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.registry.TestRegistryExtension;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client must do against the real distribution 2.8 registry in every auth mode, checked with skopeo and
 * the registry's access log; each subclass picks the mode.
 */
@ExtendWith(TestRegistryExtension.class)
abstract class RegistryClientScenarios {
    protected final ObjectMapper json = new ObjectMapper();
    protected TestRegistry registry;
    protected Skopeo skopeo;

    @BeforeEach
    void setUp(TestRegistry shared) {
        this.registry = shared;
        this.skopeo = new Skopeo(shared);
    }

    protected RegistryClientConfig config() {
        return RegistryClientConfig.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .withRetry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)));
    }

    protected RegistryClient client(RegistryClientConfig config) {
        CredentialsSource credentials = registry.requiresAuth()
                ? CredentialsSource.of(Map.of(registry.hostPort(),
                        new Credentials(registry.username(), registry.password())))
                : CredentialsSource.none();
        return new RegistryClientFactory(config, credentials, json).forHost(registry.hostPort());
    }

    protected RegistryClient client() {
        return client(config());
    }

    /** A repository no other test touches (the registry is shared by the whole run). */
    protected String repo(String name) {
        return registry.mode().name().toLowerCase() + "/" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static List<BlobSource> blobs(TestImage image) {
        return List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer()));
    }

    protected ImagePushResult push(RegistryClient client, String repository, String tag, TestImage image) {
        return client.pushImage(repository, tag, image.manifest(), image.mediaType(), blobs(image));
    }

    @Test
    void checkApiVersion_answersRegistry2() {
        assertEquals("registry/2.0", client().checkApiVersion());
    }

    @Test
    void pushImage_oci_skopeoSeesTheReportedDigest(@TempDir Path dir) throws Exception {
        String repository = repo("oci");
        TestImage image = TestImage.create("hello.txt", "hello from " + repository, TestImage.Format.OCI);

        ImagePushResult result = push(client(), repository, "1.0", image);

        assertEquals(image.manifestDigest(), result.manifestDigest());
        assertEquals(2, result.blobsUploaded());
        assertEquals(image.config().length + image.layer().length, result.bytesUploaded());
        assertEquals(result.manifestDigest().toString(), skopeo.inspectDigest(repository, "1.0"));
        assertEquals(result.manifestDigest().toString(), skopeo.rawManifestSha256(repository, "1.0"));
        // skopeo copy re-hashes every blob it downloads, so this proves the config and layer arrived intact.
        skopeo.copyToDirectory(repository, result.manifestDigest().toString(), dir.resolve("copy"));
        assertArrayEquals(image.manifest(), Files.readAllBytes(dir.resolve("copy/manifest.json")));
        assertArrayEquals(image.layer(), Files.readAllBytes(dir.resolve("copy/" + image.layerDigest().hex())));
    }

    @Test
    void pushImage_dockerV2s2_skopeoSeesTheReportedDigest() {
        String repository = repo("docker");
        TestImage image = TestImage.create("hello.txt", "v2s2 " + repository, TestImage.Format.DOCKER);

        ImagePushResult result = push(client(), repository, "v1", image);

        assertEquals(image.manifestDigest(), result.manifestDigest());
        assertEquals(result.manifestDigest().toString(), skopeo.inspectDigest(repository, "v1"));
        assertEquals(result.manifestDigest().toString(), skopeo.rawManifestSha256(repository, "v1"));
        Manifest fetched = client().getManifest(repository, "v1");
        assertEquals(MediaTypes.DOCKER_MANIFEST, fetched.mediaType());
        assertArrayEquals(image.manifest(), fetched.bytes());
    }

    @Test
    void getManifest_ociByTagAndByDigest_returnsTheExactBytes() {
        String repository = repo("read");
        TestImage image = TestImage.create("a.txt", "read " + repository, TestImage.Format.OCI);
        push(client(), repository, "latest", image);
        RegistryClient reader = client();

        Manifest byTag = reader.getManifest(repository, "latest");
        Manifest byDigest = reader.getManifest(repository, image.manifestDigest().toString());
        ManifestInfo head = reader.headManifest(repository, "latest").orElseThrow();

        assertArrayEquals(image.manifest(), byTag.bytes());
        assertEquals(byTag, byDigest);
        assertEquals(MediaTypes.OCI_MANIFEST, byTag.mediaType());
        assertEquals(new ManifestInfo(image.manifestDigest(), MediaTypes.OCI_MANIFEST, image.manifest().length),
                head);
        assertEquals(image.layer().length, reader.headBlob(repository, image.layerDigest()).orElseThrow().size());
        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        assertEquals(image.layer().length, reader.fetchBlob(repository, image.layerDigest(), layer));
        assertArrayEquals(image.layer(), layer.toByteArray());
    }

    @Test
    void pushImage_again_uploadsNoBlobBytesAndOnlyHeadsThenTheManifestPut() {
        String repository = repo("repush");
        TestImage image = TestImage.create("r.txt", "again " + repository, TestImage.Format.OCI);
        push(client(), repository, "1", image);
        int mark = registry.requests().size();

        ImagePushResult again = push(client(), repository, "1", image);

        assertEquals(0, again.bytesUploaded());
        assertEquals(2, again.blobsSkipped());
        assertEquals(image.manifestDigest(), again.manifestDigest());
        List<AccessLogEntry> requests = registry.requestsSince(mark);
        List<AccessLogEntry> notHead = requests.stream().filter(e -> !e.method().equals("HEAD")).toList();
        assertEquals(1, notHead.size(), "only the manifest PUT besides HEADs, got " + requests);
        assertTrue(notHead.get(0).is("PUT", "/v2/" + repository + "/manifests/1"), notHead.toString());
        assertEquals(2, requests.stream().filter(e -> e.is("HEAD", ".*/blobs/sha256:.*") && e.status() == 200)
                .count(), requests.toString());
    }

    @Test
    void pushBlobChunked_sendsOrderedPatchesAndTheBlobReadsBack(@TempDir Path dir) throws Exception {
        String repository = repo("chunked");
        byte[] content = new byte[100_000];
        new Random(42).nextBytes(content);
        BlobSource blob = BlobSource.ofBytes(content);
        int mark = registry.requests().size();

        BlobPushResult result = client().pushBlobChunked(repository, blob, 16 * 1024);

        assertEquals(BlobPushResult.Outcome.UPLOADED, result.outcome());
        assertEquals(content.length, result.bytesUploaded());
        List<AccessLogEntry> requests = registry.requestsSince(mark);
        assertEquals(7, requests.stream().filter(e -> e.is("PATCH", ".*/blobs/uploads/.*") && e.status() == 202)
                .count(), requests.toString());
        assertEquals(1, requests.stream().filter(e -> e.is("PUT", ".*/blobs/uploads/.*") && e.status() == 201)
                .count(), requests.toString());
        Path copy = dir.resolve("blob");
        assertEquals(content.length, client().fetchBlob(repository, blob.digest(), copy));
        assertArrayEquals(content, Files.readAllBytes(copy));
    }

    @Test
    void pushImage_withChunking_isAWholeImageForSkopeo(@TempDir Path dir) throws Exception {
        String repository = repo("chunked-image");
        byte[] noise = new byte[40_000];
        new Random(7).nextBytes(noise);
        TestImage image = TestImage.create("noise.bin", noise, TestImage.Format.OCI);

        ImagePushResult result = push(client(config().withChunkSize(8 * 1024)), repository, "c", image);

        assertEquals(image.manifestDigest().toString(), skopeo.inspectDigest(repository, "c"));
        skopeo.copyToDirectory(repository, "c", dir.resolve("copy"));
        assertArrayEquals(image.layer(), Files.readAllBytes(dir.resolve("copy/" + image.layerDigest().hex())));
        assertEquals(image.config().length + image.layer().length, result.bytesUploaded());
    }

    @Test
    void pushImage_mountingFromAnotherRepository_uploadsNoBlob() {
        String source = repo("mount-src");
        String target = repo("mount-dst");
        TestImage image = TestImage.create("m.txt", "mount " + source, TestImage.Format.OCI);
        push(client(), source, "1", image);
        int mark = registry.requests().size();

        ImagePushResult result = client().pushImage(target, "1", image.manifest(), image.mediaType(), blobs(image),
                source);

        assertEquals(2, result.blobsMounted());
        assertEquals(0, result.bytesUploaded());
        List<AccessLogEntry> requests = registry.requestsSince(mark);
        assertEquals(2, requests.stream().filter(e -> e.is("POST", "/v2/" + target + "/blobs/uploads/")
                && e.uri().contains("mount=") && e.status() == 201).count(), requests.toString());
        assertFalse(requests.stream().anyMatch(e -> e.is("PATCH", ".*") || e.is("PUT", ".*/blobs/uploads/.*")),
                requests.toString());
        assertEquals(image.manifestDigest().toString(), skopeo.inspectDigest(target, "1"));
    }

    @Test
    void mountBlob_missingInSource_fallsBackToUpload() {
        String source = repo("empty-src");
        String target = repo("fallback-dst");
        BlobSource blob = BlobSource.ofBytes(("not in " + source).getBytes());

        BlobPushResult result = client().mountBlob(target, source, blob);

        assertEquals(BlobPushResult.Outcome.UPLOADED, result.outcome());
        assertEquals(blob.size(), result.bytesUploaded());
        assertEquals(blob.size(), client().headBlob(target, blob.digest()).orElseThrow().size());
    }

    @Test
    void pushManifest_underADigestItDoesNotHave_isRefusedWithDigestMismatch() {
        String repository = repo("wrong-digest");
        TestImage image = TestImage.create("w.txt", "wrong " + repository, TestImage.Format.OCI);
        client().pushImage(repository, "1", image.manifest(), image.mediaType(), blobs(image));
        String otherDigest = Digest.sha256("something else".getBytes()).toString();

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> client().pushManifest(repository, otherDigest, image.manifest(), image.mediaType()));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        assertTrue(e.getMessage().contains(image.manifestDigest().toString()), e.getMessage());
    }

    @Test
    void pushBlob_whoseContentDoesNotMatchItsDigest_isRefusedByTheRegistry() {
        String repository = repo("lying-blob");
        byte[] real = "the real content".getBytes();
        byte[] other = "other  content!!".getBytes();
        BlobSource lying = new BlobSource() {
            @Override
            public Digest digest() {
                return Digest.sha256(real);
            }

            @Override
            public long size() {
                return other.length;
            }

            @Override
            public java.io.InputStream open() {
                return new java.io.ByteArrayInputStream(other);
            }
        };

        SlipwayException e = assertThrows(SlipwayException.class, () -> client().pushBlob(repository, lying));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        assertTrue(e.getMessage().contains("DIGEST_INVALID"), e.getMessage());
        assertTrue(client().headBlob(repository, Digest.sha256(real)).isEmpty());
    }

    @Test
    void fetchBlob_tamperedInStorage_isRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        String repository = repo("tampered-blob");
        byte[] content = ("precious " + repository).getBytes();
        BlobSource blob = BlobSource.ofBytes(content);
        client().pushBlob(repository, blob);
        byte[] tampered = content.clone();
        tampered[0] ^= 1;
        Files.write(registry.blobDataFile(blob.digest().toString()), tampered);
        Path target = dir.resolve("blob");

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> client().fetchBlob(repository, blob.digest(), target));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        assertFalse(Files.exists(target), "an unverified blob must not appear at the target");
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "no partial file left behind");
        }
    }

    @Test
    void getManifest_tamperedInStorage_isRefusedByTagAndByDigest() throws Exception {
        String repository = repo("tampered-manifest");
        TestImage image = TestImage.create("t.txt", "tamper " + repository, TestImage.Format.OCI);
        push(client(), repository, "1", image);
        // Still valid JSON, so the registry serves it; only the digest can tell.
        Files.writeString(registry.blobDataFile(image.manifestDigest().toString()),
                new String(image.manifest()) + " ");

        SlipwayException byDigest = assertThrows(SlipwayException.class,
                () -> client().getManifest(repository, image.manifestDigest().toString()));
        SlipwayException byTag = assertThrows(SlipwayException.class, () -> client().getManifest(repository, "1"));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, byDigest.code());
        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, byTag.code());
    }

    @Test
    void listTags_returnsEveryTagSorted() {
        String repository = repo("tags");
        TestImage image = TestImage.create("t.txt", "tags " + repository, TestImage.Format.OCI);
        RegistryClient client = client();
        for (String tag : List.of("b", "a", "10", "c-1")) {
            push(client, repository, tag, image);
        }

        assertEquals(List.of("10", "a", "b", "c-1"), client.listTags(repository));
    }

    @Test
    void missingManifest_headIsEmptyAndGetSaysWhatWasTried() {
        String repository = repo("missing");
        TestImage image = TestImage.create("x.txt", "x " + repository, TestImage.Format.OCI);
        push(client(), repository, "present", image);

        assertTrue(client().headManifest(repository, "absent").isEmpty());
        SlipwayException e = assertThrows(SlipwayException.class, () -> client().getManifest(repository, "absent"));

        assertEquals(ErrorCode.REGISTRY_NOT_FOUND, e.code());
        assertEquals("Tried to GET " + registry.hostPort() + "/v2/" + repository + "/manifests/absent but the"
                + " registry answered 404 (MANIFEST_UNKNOWN: manifest unknown [{\"Tag\":\"absent\"}])", e.getMessage());
    }
}
