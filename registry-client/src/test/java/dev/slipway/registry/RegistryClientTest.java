package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.FakeServer.Reply;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.transport.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Protocol details checked against a scripted registry (the real one is in the *IT suites). */
class RegistryClientTest {
    private FakeServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private RegistryClient client(Function<FakeServer.Request, Reply> handler) {
        server = new FakeServer(handler);
        return new RegistryClientFactory(RegistryClientConfig.defaults().withRetry(RetryPolicy.none()),
                CredentialsSource.none(), new ObjectMapper()).forHost(server.hostPort());
    }

    private List<String> trace() {
        return server.requests().stream().map(r -> r.method() + " " + r.uri()).collect(Collectors.toList());
    }

    @Test
    void pushBlobChunked_followsEveryNewLocationWithContentRange() {
        BlobSource blob = BlobSource.ofBytes("abcdefghij".getBytes(StandardCharsets.UTF_8));
        RegistryClient client = client(r -> switch (r.method() + " " + r.uri().getPath()) {
            case "POST /v2/app/blobs/uploads/" -> Reply.of(202).header("Location", "/up/1?_state=a");
            case "PATCH /up/1" -> Reply.of(202).header("Location", "/up/2?_state=b").header("Range", "0-3");
            case "PATCH /up/2" -> Reply.of(202).header("Location", "/up/3?_state=c").header("Range", "0-7");
            case "PATCH /up/3" -> Reply.of(202).header("Location", "http://" + server.hostPort() + "/up/4?_state=d")
                    .header("Range", "0-9");
            case "PUT /up/4" -> Reply.of(201).header("Docker-Content-Digest", blob.digest().toString());
            default -> Reply.of(404);
        });

        BlobPushResult result = client.pushBlobChunked("app", blob, 4);

        assertEquals(new BlobPushResult(blob.digest(), 10, BlobPushResult.Outcome.UPLOADED, 10), result);
        List<FakeServer.Request> requests = server.requests();
        assertEquals(List.of("HEAD /v2/app/blobs/" + blob.digest(), "POST /v2/app/blobs/uploads/",
                "PATCH /up/1?_state=a", "PATCH /up/2?_state=b", "PATCH /up/3?_state=c",
                "PUT /up/4?_state=d&digest=" + blob.digest()), trace());
        assertEquals(List.of("0-3", "4-7", "8-9"),
                requests.subList(2, 5).stream().map(r -> r.header("Content-Range")).toList());
        assertEquals("abcdefghij", requests.subList(2, 5).stream().map(FakeServer.Request::bodyText)
                .collect(Collectors.joining()));
        assertEquals(0, requests.get(5).body().length);
    }

    @Test
    void pushBlobChunked_registryHoldingOtherBytes_failsTheUpload() {
        BlobSource blob = BlobSource.ofBytes("abcdefgh".getBytes(StandardCharsets.UTF_8));
        RegistryClient client = client(r -> r.method().equals("POST") ? Reply.of(202).header("Location", "/up/1")
                : r.method().equals("PATCH") ? Reply.of(202).header("Location", "/up/2").header("Range", "0-1")
                : Reply.of(404));

        SlipwayException e = assertThrows(SlipwayException.class, () -> client.pushBlobChunked("app", blob, 4));

        assertEquals(ErrorCode.REGISTRY_UPLOAD_FAILED, e.code());
        assertTrue(e.getMessage().contains("with bytes 0-3 but the registry holds bytes 0-1"), e.getMessage());
    }

    @Test
    void pushBlob_uploadFailingWithAServerError_restartsFromThePost() {
        BlobSource blob = BlobSource.ofBytes("retry me".getBytes(StandardCharsets.UTF_8));
        AtomicInteger puts = new AtomicInteger();
        server = new FakeServer(r -> switch (r.method()) {
            case "POST" -> Reply.of(202).header("Location", "/up/" + puts.get() + "?_state=s");
            case "PUT" -> puts.incrementAndGet() == 1 ? Reply.of(503) : Reply.of(201);
            default -> Reply.of(404);
        });
        RegistryClient client = new RegistryClientFactory(RegistryClientConfig.defaults().withRetry(
                new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1))), CredentialsSource.none(),
                new ObjectMapper(), Clock.systemUTC(), d -> { }).forHost(server.hostPort());

        BlobPushResult result = client.pushBlob("app", blob);

        assertEquals(2 * blob.size(), result.bytesUploaded(), "both attempts sent the blob");
        assertEquals(List.of("HEAD", "POST", "PUT", "HEAD", "POST", "PUT"),
                server.requests().stream().map(FakeServer.Request::method).toList());
        assertEquals("/up/1", server.requests().get(5).uri().getPath(), "the second PUT uses the new session");
    }

    @Test
    void mountBlob_answered202_uploadsToTheOfferedLocation() {
        BlobSource blob = BlobSource.ofBytes("layer".getBytes(StandardCharsets.UTF_8));
        RegistryClient client = client(r -> switch (r.method()) {
            case "POST" -> Reply.of(202).header("Location", "/up/9?_state=z");
            case "PUT" -> Reply.of(201);
            default -> Reply.of(404);
        });

        BlobPushResult result = client.mountBlob("dst", "src", blob);

        assertEquals(BlobPushResult.Outcome.UPLOADED, result.outcome());
        assertEquals("mount=" + blob.digest() + "&from=src", server.requests().get(1).uri().getQuery());
        assertEquals("PUT /up/9?_state=z&digest=" + blob.digest(), trace().get(2));
        assertEquals("layer", server.requests().get(2).bodyText());
    }

    @Test
    void getManifest_headerDigestDisagreeingWithTheBytes_isADigestMismatch() {
        byte[] bytes = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
        Digest claimed = Digest.sha256("something else".getBytes(StandardCharsets.UTF_8));
        RegistryClient client = client(r -> Reply.of(200).header("Docker-Content-Digest", claimed.toString())
                .header("Content-Type", MediaTypes.OCI_MANIFEST).body(bytes));

        SlipwayException e = assertThrows(SlipwayException.class, () -> client.getManifest("app", "1"));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        assertEquals("Tried to GET " + server.hostPort() + "/v2/app/manifests/1 but the content's digest is "
                + Digest.sha256(bytes) + ", not " + claimed, e.getMessage());
        assertEquals(MediaTypes.MANIFEST_ACCEPT, server.requests().get(0).header("Accept"));
    }

    @Test
    void getManifest_withoutManifestContentType_takesTheMediaTypeField() {
        byte[] bytes = ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        RegistryClient client = client(r -> Reply.of(200).header("Content-Type", "application/json").body(bytes));

        Manifest manifest = client.getManifest("app", Digest.sha256(bytes).toString());

        assertEquals(MediaTypes.OCI_INDEX, manifest.mediaType());
        assertArrayEquals(bytes, manifest.bytes());
    }

    @Test
    void pushManifest_sendsTheExactBytesAndChecksTheConfirmedDigest() {
        byte[] bytes = "{ \"schemaVersion\" : 2 }".getBytes(StandardCharsets.UTF_8);
        RegistryClient client = client(r -> Reply.of(201)
                .header("Docker-Content-Digest", Digest.sha256(r.body()).toString()));

        Digest digest = client.pushManifest("app", "1.0", bytes, MediaTypes.DOCKER_MANIFEST);

        assertEquals(Digest.sha256(bytes), digest);
        assertArrayEquals(bytes, server.requests().get(0).body());
        assertEquals(MediaTypes.DOCKER_MANIFEST, server.requests().get(0).header("Content-Type"));
    }

    @Test
    void pushManifest_answerWithoutDigest_confirmsWithAHead_andAnotherDigestThereIsAMismatch() {
        byte[] bytes = "{ \"schemaVersion\" : 2 }".getBytes(StandardCharsets.UTF_8);
        Digest other = Digest.sha256("another build".getBytes(StandardCharsets.UTF_8));
        RegistryClient client = client(r -> r.method().equals("PUT") ? Reply.of(201)
                : Reply.of(200).header("Docker-Content-Digest", other.toString())
                        .header("Content-Type", MediaTypes.DOCKER_MANIFEST).header("Content-Length", "19"));

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> client.pushManifest("app", "1.0", bytes, MediaTypes.DOCKER_MANIFEST));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
        assertEquals(List.of("PUT", "HEAD"), server.requests().stream().map(FakeServer.Request::method).toList());
        assertTrue(e.getMessage().contains(other.toString()), e.getMessage());
    }

    @Test
    void pushManifest_answerWithTheDigest_needsNoHead() {
        byte[] bytes = "{ \"schemaVersion\" : 2 }".getBytes(StandardCharsets.UTF_8);
        RegistryClient client = client(r -> Reply.of(201)
                .header("Docker-Content-Digest", Digest.sha256(r.body()).toString()));

        client.pushManifest("app", "1.0", bytes, MediaTypes.DOCKER_MANIFEST);

        assertEquals(List.of("PUT"), server.requests().stream().map(FakeServer.Request::method).toList());
    }

    @Test
    void fetchBlob_contentNotMatchingTheDigest_isADigestMismatch() {
        Digest digest = Digest.sha256("expected".getBytes(StandardCharsets.UTF_8));
        RegistryClient client = client(r -> Reply.of(200).body("tampered"));

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> client.fetchBlob("app", digest, new ByteArrayOutputStream()));

        assertEquals(ErrorCode.REGISTRY_DIGEST_MISMATCH, e.code());
    }

    @Test
    void listTags_followsLinkPaginationAndSorts() {
        RegistryClient client = client(r -> r.uri().getQuery() == null
                ? Reply.of(200).header("Link", "</v2/app/tags/list?n=2&last=m>; rel=\"next\"")
                        .body("{\"name\":\"app\",\"tags\":[\"z\",\"m\"]}")
                : Reply.of(200).body("{\"name\":\"app\",\"tags\":[\"b\",\"a\"]}"));

        assertEquals(List.of("a", "b", "m", "z"), client.listTags("app"));
        assertEquals("GET /v2/app/tags/list?n=2&last=m", trace().get(1));
    }

    @Test
    void badNames_areRejectedBeforeAnyRequest() {
        RegistryClient client = client(r -> Reply.of(500));

        assertEquals(ErrorCode.INVALID_IMAGE_REFERENCE,
                assertThrows(SlipwayException.class, () -> client.getManifest("../etc", "1")).code());
        assertEquals(ErrorCode.INVALID_TAG,
                assertThrows(SlipwayException.class, () -> client.getManifest("app", "-bad")).code());
        assertEquals(0, server.requests().size());
    }
}
