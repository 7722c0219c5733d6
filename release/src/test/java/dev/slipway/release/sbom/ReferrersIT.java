package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.registry.AccessLogEntry;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.registry.TestRegistryExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SBOMs attached to an image in a real distribution 2.8 registry, checked with skopeo, curl and sha256sum: the
 * {@code sha256-<hex>} tag is an OCI index listing them, each is a well-formed artifact manifest whose subject is the
 * image, and each blob comes back byte for byte.
 */
@ExtendWith(TestRegistryExtension.class)
class ReferrersIT {
    private static final Instant CREATED = Instant.parse("2026-11-23T10:15:30Z");
    private final ObjectMapper json = Json.mapper();
    private final ObjectMapper plain = new ObjectMapper();
    private TestRegistry registry;
    private RegistryClient client;
    private String repository;
    private Digest image;

    @BeforeEach
    void pushImage(TestRegistry registry) {
        this.registry = registry;
        client = new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(), json)
                .forHost(registry.hostPort());
        repository = "sbom/app-" + UUID.randomUUID().toString().substring(0, 8);
        TestImage testImage = TestImage.create("hello.txt", "hello " + repository, TestImage.Format.OCI);
        image = client.pushImage(repository, "1.0-1", testImage.manifest(), testImage.mediaType(),
                List.of(BlobSource.ofBytes(testImage.config()),
                        BlobSource.ofBytes(testImage.layer()))).manifestDigest();
    }

    private List<Sbom> sboms() {
        return new SbomGenerator(SbomSamples.TOOL, json).generate(SbomSamples.input(FixtureRpmPackages.standard(),
                image, registry.hostPort() + "/" + repository));
    }

    @Test
    void attachSboms_fallbackTagIsAnOciIndexListingBothAsSkopeoSeesIt() throws IOException {
        List<Referrer> referrers = new ReferrerAttacher(client, json).attachSboms(repository, image, sboms(), CREATED);

        JsonNode index = plain.readTree(skopeoRaw(repository + ":sha256-" + image.hex()));
        assertEquals(MediaTypes.OCI_INDEX, index.path("mediaType").asText());
        Set<String> listed = new TreeSet<>();
        index.path("manifests").forEach(m -> listed.add(m.path("artifactType").asText() + " " + m.path("digest").asText()));
        Set<String> expected = new TreeSet<>();
        referrers.forEach(r -> expected.add(r.artifactType() + " " + r.digest()));
        assertEquals(expected, listed);
        assertEquals(Set.of("application/spdx+json", "application/vnd.cyclonedx+json"),
                new TreeSet<>(referrers.stream().map(Referrer::artifactType).toList()));
        assertEquals("404", curlStatus("/v2/" + repository + "/referrers/" + image),
                "registry 2.8 has no referrers API, which is why the fallback tag exists");
    }

    @Test
    void attachSboms_eachArtifactManifestNamesTheImageAndItsBlobComesBackByteIdentical(@TempDir Path tmp)
            throws IOException {
        List<Sbom> sboms = sboms();
        List<Referrer> referrers = new ReferrerAttacher(client, json).attachSboms(repository, image, sboms, CREATED);

        for (int i = 0; i < sboms.size(); i++) {
            JsonNode manifest = plain.readTree(skopeoRaw(repository + "@" + referrers.get(i).digest()));
            assertEquals(sboms.get(i).format().mediaType(), manifest.path("artifactType").asText());
            assertEquals("application/vnd.oci.empty.v1+json", manifest.path("config").path("mediaType").asText());
            assertEquals("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                    manifest.path("config").path("digest").asText());
            assertEquals(image.toString(), manifest.path("subject").path("digest").asText());
            String layer = manifest.path("layers").get(0).path("digest").asText();
            Path blob = tmp.resolve("blob-" + i);
            run("curl", "-sf", "-o", blob.toString(), registry.baseUri() + "/v2/" + repository + "/blobs/" + layer);
            String sha = run("sha256sum", blob.toString()).split("\\s+")[0];
            assertEquals(sboms.get(i).digest().hex(), sha);
            assertArrayEquals(sboms.get(i).bytes(), Files.readAllBytes(blob));
        }
    }

    @Test
    void attach_again_andAnotherArtifact_keepsExistingEntriesWithoutDuplicates() throws IOException {
        Digest foreign = pushForeignIndexEntry();
        ReferrerAttacher attacher = new ReferrerAttacher(client, json);
        List<Sbom> sboms = sboms();

        attacher.attachSboms(repository, image, sboms, CREATED);
        String afterFirst = skopeoRaw(repository + ":sha256-" + image.hex());
        attacher.attachSboms(repository, image, sboms, CREATED);
        String afterSecond = skopeoRaw(repository + ":sha256-" + image.hex());
        attacher.attach(repository, image, "application/vnd.example.notes+json",
                "{\"note\":1}".getBytes(StandardCharsets.UTF_8), "notes.json", Map.of());

        assertEquals(afterFirst, afterSecond, "re-attaching the same SBOMs leaves the index unchanged");
        List<String> digests = new ArrayList<>();
        plain.readTree(skopeoRaw(repository + ":sha256-" + image.hex())).path("manifests")
                .forEach(m -> digests.add(m.path("digest").asText()));
        assertEquals(4, digests.size(), digests.toString());
        assertEquals(foreign.toString(), digests.get(0), "the entry another tool wrote first is kept");
    }

    @Test
    void reader_listsByFallbackTagAndFetchesIdenticalContent() {
        List<Sbom> sboms = sboms();
        new ReferrerAttacher(client, json).attachSboms(repository, image, sboms, CREATED);
        ReferrersReader reader = new ReferrersReader(client, json);

        List<Referrer> spdx = reader.list(repository, image, "application/spdx+json");

        assertEquals(1, spdx.size());
        assertEquals(2, reader.list(repository, image).size());
        assertArrayEquals(sboms.get(0).bytes(), reader.fetchContent(repository, image, spdx.get(0)));
        assertEquals(List.of(), reader.list(repository, Digest.parse("sha256:" + "e".repeat(64))));
    }

    @Test
    void stageThenAttachStaged_blobsGoFirstClaimingNothing_thenOnlyManifestsAndOneIndexWrite() throws IOException {
        List<Sbom> sboms = sboms();
        ManifestInfo subject = client.headManifest(repository, image.toString()).orElseThrow();
        ReferrerAttacher attacher = new ReferrerAttacher(client, json);

        attacher.stageSboms(repository, sboms);
        for (Sbom sbom : sboms) {
            assertTrue(client.headBlob(repository, sbom.digest()).isPresent(), "staged: " + sbom.format());
        }
        assertEquals("404", curlStatus("/v2/" + repository + "/manifests/sha256-" + image.hex()),
                "staged blobs name no image: nothing claims it yet");
        assertFalse(client.listTags(repository).stream().anyMatch(t -> t.startsWith("sha256-")));

        int mark = registry.requests().size();
        List<Referrer> referrers = attacher.attachStaged(repository, subject, sboms, CREATED);
        List<AccessLogEntry> made = registry.requestsSince(mark);

        assertEquals(0, made.stream().filter(r -> r.path().contains("/blobs/")).count(), "no blob request: " + made);
        assertEquals(sboms.size() + 1, made.stream().filter(r -> r.method().equals("PUT")).count(),
                "one PUT per artifact manifest and one index write: " + made);
        assertEquals(0, made.stream().filter(r -> r.method().equals("HEAD")).count(), "subject known: " + made);
        JsonNode index = plain.readTree(skopeoRaw(repository + ":sha256-" + image.hex()));
        Set<String> listed = new TreeSet<>();
        index.path("manifests").forEach(m -> listed.add(m.path("artifactType").asText() + " " + m.path("digest").asText()));
        Set<String> expected = new TreeSet<>();
        referrers.forEach(r -> expected.add(r.artifactType() + " " + r.digest()));
        assertEquals(expected, listed);
        for (int i = 0; i < sboms.size(); i++) {
            JsonNode manifest = plain.readTree(skopeoRaw(repository + "@" + referrers.get(i).digest()));
            assertEquals(image.toString(), manifest.path("subject").path("digest").asText());
            assertEquals(sboms.get(i).digest().toString(), manifest.path("layers").get(0).path("digest").asText());
        }
    }

    @Test
    void attachStaged_withoutStagedBlobs_isRefusedByTheRegistry_andLeavesNoReferrer() {
        List<Sbom> sboms = sboms();
        ManifestInfo subject = client.headManifest(repository, image.toString()).orElseThrow();

        SlipwayException refused = assertThrows(SlipwayException.class,
                () -> new ReferrerAttacher(client, json).attachStaged(repository, subject, sboms, CREATED));

        assertTrue(refused.getMessage().contains(repository), refused.getMessage());
        assertEquals("404", curlStatus("/v2/" + repository + "/manifests/sha256-" + image.hex()),
                "no fallback index names the image");
    }

    /** An index under the fallback tag written by "another tool", listing an unrelated manifest. */
    private Digest pushForeignIndexEntry() {
        TestImage other = TestImage.create("other.txt", "other " + repository, TestImage.Format.OCI);
        Digest otherDigest = client.pushImage(repository, null, other.manifest(), other.mediaType(),
                List.of(BlobSource.ofBytes(other.config()),
                        BlobSource.ofBytes(other.layer()))).manifestDigest();
        String index = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{"
                + "\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"" + otherDigest + "\",\"size\":"
                + other.manifest().length + ",\"artifactType\":\"application/vnd.example.other\"}]}";
        client.pushManifest(repository, "sha256-" + image.hex(), index.getBytes(StandardCharsets.UTF_8),
                MediaTypes.OCI_INDEX);
        return otherDigest;
    }

    private String skopeoRaw(String reference) {
        return run("skopeo", "inspect", "--raw", "--tls-verify=false", "docker://" + registry.hostPort() + "/"
                + reference);
    }

    private String curlStatus(String path) {
        return run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", registry.baseUri() + path).strip();
    }

    private static String run(String... command) {
        return Command.of(command).timeout(Duration.ofMinutes(2)).output();
    }
}
