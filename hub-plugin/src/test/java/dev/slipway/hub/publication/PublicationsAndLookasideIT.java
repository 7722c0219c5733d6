package dev.slipway.hub.publication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.hub.fixture.CgSamples;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.hub.fixture.HubFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real hub with a lookaside directory: signatures served byte-identical under /sigs/ and nothing else; promotion
 * audit lines recorded as publications of the build whose image has the digest, shown on the build.
 */
class PublicationsAndLookasideIT {
    @RegisterExtension
    static final HubFixture HUB = HubFixture.withLookaside();
    private static final String HEX = "7".repeat(64);
    private final HttpClient raw = HttpClient.newHttpClient();

    @Test
    void lookaside_signatureFile_servedByteIdenticalAndNothingElse() throws Exception {
        Path dir = Files.createDirectories(HUB.lookasideDir().resolve("team/app@sha256=" + HEX));
        byte[] signature = new byte[700];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("signature-1"), signature);
        Path outside = Files.writeString(HUB.lookasideDir().getParent().resolve("secret"), "secret");
        Files.createDirectories(HUB.lookasideDir().resolve("team/leak@sha256=" + HEX));
        Files.createSymbolicLink(HUB.lookasideDir().resolve("team/leak@sha256=" + HEX + "/signature-1"), outside);

        HttpResponse<byte[]> got = send("GET", "/sigs/team/app@sha256=" + HEX + "/signature-1");
        assertEquals(200, got.statusCode());
        assertEquals("application/octet-stream", got.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(signature, got.body());
        HttpResponse<byte[]> head = send("HEAD", "/sigs/team/app@sha256=" + HEX + "/signature-1");
        assertEquals(200, head.statusCode());
        assertEquals("700", head.headers().firstValue("Content-Length").orElse(""));
        assertEquals(0, head.body().length);

        for (String path : List.of("/sigs/team/app@sha256=" + HEX + "/signature-2", "/sigs/team/app@sha256=" + HEX,
                "/sigs/team/", "/sigs/../secret", "/sigs/%2e%2e/secret", "/sigs/team/%2e%2e/%2e%2e/secret",
                "/sigs/team/app@sha256=" + HEX + "/..%2F..%2F..%2Fsecret", "/sigs/team/leak@sha256=" + HEX
                        + "/signature-1")) {
            HttpResponse<byte[]> r = send("GET", path);
            assertEquals(404, r.statusCode(), path);
            assertTrue(!new String(r.body()).contains("secret\n") && !new String(r.body()).equals("secret"), path);
        }
        HttpResponse<byte[]> post = send("POST", "/sigs/team/app@sha256=" + HEX + "/signature-1");
        assertEquals(405, post.statusCode());
        assertArrayEquals(signature, Files.readAllBytes(dir.resolve("signature-1")));
    }

    @Test
    void publications_relengRecordsOnce_buildShowsIt_othersRefusedWithNothingStored() {
        String digest = "sha256:" + "5".repeat(64);
        completeBuild("foo", "3.0", "1", "5".repeat(64));
        Map<String, Object> line = auditLine(digest, "quay.example/team/foo");

        Answer packager = http().as(HUB.token("alice")).exchange("POST", "/api/v1/publications", line);
        assertEquals(403, packager.status(), packager.body());
        assertEquals(ErrorCode.PERMISSION_DENIED.code(), packager.code());
        Answer anonymous = http().exchange("POST", "/api/v1/publications", line);
        assertEquals(401, anonymous.status());
        assertEquals(ErrorCode.AUTH_REQUIRED.code(), anonymous.code());
        assertEquals(0, http().exchange("GET", "/api/v1/publications?digest=" + digest, null).json().size());

        Map<String, Object> unknownKey = new LinkedHashMap<>(line);
        unknownKey.put("approved_by", "someone");
        assertEquals(ErrorCode.REQUEST_UNKNOWN_FIELD.code(),
                http().as(HUB.token("rita")).exchange("POST", "/api/v1/publications", unknownKey).code());
        Map<String, Object> badTag = new LinkedHashMap<>(line);
        badTag.put("tags", List.of("bad tag"));
        Answer refusedTag = http().as(HUB.token("rita")).exchange("POST", "/api/v1/publications", badTag);
        assertEquals(400, refusedTag.status());
        assertEquals(ErrorCode.BAD_PARAMETER.code(), refusedTag.code());
        Answer unknownDigest = http().as(HUB.token("rita")).exchange("POST", "/api/v1/publications",
                auditLine("sha256:" + "9".repeat(64), "quay.example/team/foo"));
        assertEquals(404, unknownDigest.status());
        assertEquals(ErrorCode.PUBLICATION_IMAGE_NOT_FOUND.code(), unknownDigest.code());
        assertEquals(0, http().exchange("GET", "/api/v1/builds/foo-3.0-1", null).json().get("publications").size());

        Answer first = http().as(HUB.token("rita")).exchange("POST", "/api/v1/publications", line);
        assertEquals(201, first.status(), first.body());
        Answer again = http().as(HUB.token("root")).exchange("POST", "/api/v1/publications", line);
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().get("id").asLong(), again.json().get("id").asLong());

        JsonNode build = http().exchange("GET", "/api/v1/builds/foo-3.0-1", null).json();
        assertEquals("foo-3.0-1", build.get("nvr").asText());
        assertEquals(1, build.get("publications").size());
        JsonNode p = build.get("publications").get(0);
        assertEquals("quay.example/team/foo@" + digest, p.get("pull_spec").asText());
        assertEquals(List.of("3.0", "latest"), List.of(p.get("tags").get(0).asText(), p.get("tags").get(1).asText()));
        assertEquals("2026-01-02T03:04:05Z", p.get("published_at").asText());
        assertEquals("c".repeat(40), p.get("commit").asText());
        assertEquals("Rita Releng <rita@example.org>", p.get("author").asText());
        assertEquals("GOOD", p.get("signature").asText());
        assertEquals("rita", p.get("recorded_by").asText());
        assertEquals(1, http().exchange("GET", "/api/v1/publications?digest=" + digest, null).json().size());
        assertEquals(build.get("id").asLong(),
                http().exchange("GET", "/api/v1/publications?digest=" + digest, null).json().get(0).get("build_id").asLong());
        assertTrue(http().exchange("GET", "/api/v1/_listapi", null).body().contains("recordPublication"));
    }

    @Test
    void buildFiles_listedAndServedFromTheMirror_butNothingOutsideIt() throws Exception {
        Path mirror = Files.createDirectories(HUB.lookasideDir().getParent().resolve("mirror/foo/4.0-1/x86_64"));
        Files.writeString(mirror.resolve("metadata.json"), "{\"metadata_version\": 0}");
        Files.createDirectories(mirror.resolve("sbom"));
        Files.writeString(mirror.resolve("sbom/image.cdx.json"), "{\"bomFormat\": \"CycloneDX\"}");
        Files.createDirectories(mirror.resolve("oci/blobs"));
        Files.writeString(mirror.resolve("oci/index.json"), "{}");
        Path outside = Files.writeString(HUB.lookasideDir().getParent().resolve("outside.txt"), "private");
        Files.createSymbolicLink(mirror.resolve("leak.json"), outside);
        completeBuild("foo", "4.0", "1", "4".repeat(64), mirror.toString());
        completeBuild("foo", "5.0", "1", "3".repeat(64), "/srv/mirror/elsewhere");

        JsonNode list = http().get("/api/v1/builds/foo-4.0-1/files");
        assertEquals(2, list.size(), list.toString());
        assertEquals("metadata.json", list.get(0).get("path").asText());
        assertEquals("sbom/image.cdx.json", list.get(1).get("path").asText());
        HttpResponse<byte[]> sbom = send("GET", "/api/v1/builds/foo-4.0-1/file?path=sbom/image.cdx.json");
        assertEquals(200, sbom.statusCode());
        assertEquals("{\"bomFormat\": \"CycloneDX\"}", new String(sbom.body()));
        for (String bad : List.of("../../../../outside.txt", "/etc/passwd", "oci/index.json", "sbom/../metadata.json")) {
            Answer a = http().exchange("GET", "/api/v1/builds/foo-4.0-1/file?path=" + bad, null);
            assertEquals(400, a.status(), bad + ": " + a.body());
        }
        Answer leak = http().exchange("GET", "/api/v1/builds/foo-4.0-1/file?path=leak.json", null);
        assertEquals(404, leak.status());
        assertTrue(!leak.body().contains("private"));
        Answer unshared = http().exchange("GET", "/api/v1/builds/foo-5.0-1/files", null);
        assertEquals(404, unshared.status());
        assertTrue(unshared.body().contains("not shared with the hub"), unshared.body());
    }

    private static Map<String, Object> auditLine(String digest, String destination) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", "staging.example/team/foo@" + digest);
        line.put("destination", destination);
        line.put("digest", digest);
        line.put("tags", List.of("3.0", "latest"));
        line.put("publishedAt", "2026-01-02T03:04:05Z");
        line.put("manifestFile", "images/team/images.yaml");
        line.put("commit", "c".repeat(40));
        line.put("author", "Rita Releng <rita@example.org>");
        line.put("signature", "GOOD");
        line.put("signer", "ABCDEF0123456789");
        line.put("publishingRules", "passed");
        return line;
    }

    private static HubClient http() {
        return HUB.http();
    }

    private static void completeBuild(String name, String version, String release, String digestHex) {
        completeBuild(name, version, release, digestHex, "/srv/mirror/" + name);
    }

    private static void completeBuild(String name, String version, String release, String digestHex,
            String mirror) {
        long id = HUB.submit("alice", name, Map.of());
        String host = HUB.token("builder1");
        Answer claimed = http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 2000));
        assertEquals(id, claimed.json().get("task").get("task_id").asLong(), claimed.body());
        http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null);
        http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/reserve",
                Map.of("name", name, "version", version, "release", release));
        Answer closed = http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/close", Map.of(
                "result", Map.of("nvr", name + "-" + version + "-" + release),
                "metadata", CgSamples.metadata(name, version, release, HubFixture.src(name), null, digestHex),
                "mirror", mirror));
        assertEquals(200, closed.status(), closed.body());
    }

    private HttpResponse<byte[]> send(String method, String path) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HUB.hub().port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
