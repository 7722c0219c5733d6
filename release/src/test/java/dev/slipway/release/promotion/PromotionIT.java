package dev.slipway.release.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.MediaTypes;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.registry.AccessLogEntry;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.Skopeo;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Promotion against two real registries (staging and production) from a manifest repository made with real git,
 * checked with skopeo and the registries' access logs.
 */
class PromotionIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestRegistry staging;
    private static TestRegistry production;

    @TempDir
    Path dir;
    private ManifestRepository repo;
    private String name;
    private final List<PromotionRecord> heard = new ArrayList<>();

    @BeforeAll
    static void start() {
        staging = TestRegistry.start(AuthMode.OPEN);
        production = TestRegistry.start(AuthMode.OPEN);
    }

    @AfterAll
    static void stop() {
        staging.close();
        production.close();
    }

    @BeforeEach
    void setUp() {
        repo = ManifestRepository.create(dir.resolve("manifests-repo"));
        name = "app-" + UUID.randomUUID().toString().substring(0, 8);
        repo.registries("team", staging.hostPort() + "/staging", production.hostPort() + "/prod");
    }

    private static RegistryClientFactory factory() {
        return new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(), JSON);
    }

    private PromotionReport run(PromotionOptions options) {
        return new Promoter(factory(), JSON, Clock.systemUTC(), List.of(heard::add)).run(options);
    }

    private PromotionOptions options() {
        return PromotionOptions.dryRun(repo.dir()).withAuditFile(dir.resolve("audit.jsonl"));
    }

    /** Pushes an image to staging as {@code staging/<image>:<tag>} and returns it. */
    private TestImage stage(String image, String tag, String content) {
        TestImage built = TestImage.create("f.txt", content, TestImage.Format.OCI);
        push(staging, "staging/" + image, tag, built);
        return built;
    }

    private static void push(TestRegistry registry, String repository, String tag, TestImage image) {
        factory().forHost(registry.hostPort()).pushImage(repository, tag, image.manifest(), image.mediaType(),
                List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
    }

    private static List<AccessLogEntry> writes(TestRegistry registry, int mark) {
        return registry.requestsSince(mark).stream()
                .filter(e -> List.of("PUT", "POST", "PATCH", "DELETE").contains(e.method())).toList();
    }

    private String dmap(Digest digest, String... tags) {
        return "- name: " + name + "\n  dmap:\n    \"" + digest + "\": [" + String.join(", ", List.of(tags).stream()
                .map(t -> "\"" + t + "\"").toList()) + "]\n";
    }

    @Test
    void promote_acrossRegistries_sameDigestInSkopeoAndAnAuditRecordWithTheApprovingCommit() {
        TestImage image = stage(name, "1.0", "across " + name);
        repo.images("team", dmap(image.manifestDigest(), "1.0", "stable"));
        String commit = repo.commit("Promote " + name + " 1.0");

        PromotionReport report = run(options().confirmed());

        assertTrue(report.clean(), report.toString());
        assertEquals(1, report.promoted().size());
        String staged = new Skopeo(staging).rawManifestSha256("staging/" + name, "1.0");
        assertEquals(image.manifestDigest().toString(), staged);
        assertEquals(staged, new Skopeo(production).rawManifestSha256("prod/" + name, "1.0"));
        assertEquals(staged, new Skopeo(production).rawManifestSha256("prod/" + name, "stable"));
        List<PromotionRecord> audit = new AuditLog(dir.resolve("audit.jsonl"), JSON).read();
        assertEquals(1, audit.size());
        assertEquals(commit, audit.get(0).approval().commit());
        assertEquals("Release Reviewer <reviewer@slipway.invalid>", audit.get(0).approval().author());
        assertEquals(production.hostPort() + "/prod/" + name, audit.get(0).destination());
        assertEquals(List.of("1.0", "stable"), audit.get(0).tags());
        assertEquals(audit, heard);
    }

    @Test
    void promote_rerunWithNothingChanged_onlySendsHeads() {
        TestImage image = stage(name, "1.0", "rerun " + name);
        repo.images("team", dmap(image.manifestDigest(), "1.0"));
        repo.commit("Promote " + name);
        run(options().confirmed());
        int stagingMark = staging.requests().size();
        int productionMark = production.requests().size();

        PromotionReport again = run(options().confirmed());

        assertEquals(0, again.promoted().size());
        assertEquals(1, again.plan().done().size());
        List<AccessLogEntry> requests = production.requestsSince(productionMark);
        assertEquals(1, requests.size(), requests.toString());
        assertTrue(requests.stream().allMatch(e -> e.method().equals("HEAD")), requests.toString());
        assertEquals(List.of(), staging.requestsSince(stagingMark));
    }

    @Test
    void promote_insideOneRegistry_mountsEveryBlobAndMovesNoBlobBytes() {
        repo.registries("team", staging.hostPort() + "/staging", staging.hostPort() + "/released");
        TestImage image = stage(name, "2.0", "inside " + name);
        repo.images("team", dmap(image.manifestDigest(), "2.0"));
        repo.commit("Promote inside");
        int mark = staging.requests().size();

        PromotionReport report = run(options().confirmed());

        assertEquals(1, report.promoted().size());
        assertEquals(0, report.blobBytesUploaded());
        List<AccessLogEntry> requests = staging.requestsSince(mark);
        assertEquals(2, requests.stream().filter(e -> e.is("POST", ".*/blobs/uploads/") && e.uri().contains("mount=")
                && e.status() == 201).count(), requests.toString());
        assertTrue(requests.stream().noneMatch(e -> e.is("PATCH", ".*") || e.is("GET", ".*/blobs/.*")
                || e.is("PUT", ".*/blobs/uploads/.*")), requests.toString());
        assertEquals(image.manifestDigest().toString(),
                new Skopeo(staging).rawManifestSha256("released/" + name, "2.0"));
    }

    @Test
    void promote_tagMove_refusesThePlanAndLeavesProductionUntouched() {
        TestImage old = TestImage.create("f.txt", "old " + name, TestImage.Format.OCI);
        push(production, "prod/" + name, "1.0", old);
        TestImage image = stage(name, "1.0", "new " + name);
        repo.images("team", dmap(image.manifestDigest(), "1.0"));
        repo.commit("Try to move a tag");
        int mark = production.requests().size();

        PromotionReport report = run(options().confirmed());

        assertTrue(report.plan().refused());
        assertEquals(ErrorCode.PROMOTION_TAG_MOVE, report.plan().problems().get(0).code());
        assertEquals(1, report.exitCode());
        assertEquals(List.of(), writes(production, mark));
        assertEquals(old.manifestDigest().toString(), new Skopeo(production).rawManifestSha256("prod/" + name, "1.0"));
    }

    @Test
    void promote_overlappingEdges_refusedBeforeAnyRegistryRequest() {
        TestImage one = stage(name, "a", "one " + name);
        TestImage two = stage(name, "b", "two " + name);
        repo.images("team", "- name: " + name + "\n  dmap:\n    \"" + one.manifestDigest() + "\": [\"1.0\"]\n    \""
                + two.manifestDigest() + "\": [\"1.0\"]\n");
        repo.commit("Overlap");
        int mark = production.requests().size();

        PromotionReport report = run(options().confirmed());

        assertTrue(report.plan().refused());
        assertEquals(ErrorCode.PROMOTION_OVERLAPPING_EDGES, report.plan().problems().get(0).code());
        assertEquals(List.of(), production.requestsSince(mark));
        assertTrue(factory().forHost(production.hostPort()).headManifest("prod/" + name, "1.0").isEmpty());
    }

    @Test
    void promote_dryRun_writesNothing() {
        TestImage image = stage(name, "1.0", "dry " + name);
        repo.images("team", dmap(image.manifestDigest(), "1.0"));
        repo.commit("Dry");
        int mark = production.requests().size();

        PromotionReport report = run(options());

        assertFalse(report.confirmed());
        assertEquals(1, report.plan().copies().size());
        assertEquals(List.of(), writes(production, mark));
        assertTrue(factory().forHost(production.hostPort()).headManifest("prod/" + name, "1.0").isEmpty());
    }

    @Test
    void promote_lostDigest_isReportedWhileTheOtherEdgesArePromoted() {
        TestImage image = stage(name, "1.0", "kept " + name);
        Digest lost = Digest.sha256(("never pushed " + name).getBytes(StandardCharsets.UTF_8));
        repo.images("team", "- name: " + name + "\n  dmap:\n    \"" + image.manifestDigest() + "\": [\"1.0\"]\n    \""
                + lost + "\": [\"0.9\"]\n");
        repo.commit("One lost");

        PromotionReport report = run(options().confirmed());

        assertEquals(1, report.promoted().size());
        assertEquals(ErrorCode.PROMOTION_LOST_DIGEST, report.plan().problems().get(0).code());
        assertTrue(report.plan().problems().get(0).toString().contains("_LOST_"));
        assertTrue(report.plan().problems().get(0).message().contains(lost.toString()));
        assertEquals(1, report.exitCode());
    }

    @Test
    void promote_index_promotesEveryChildAndReportsAChildListedAlone() {
        RegistryClient client = factory().forHost(staging.hostPort());
        TestImage amd64 = stage(name, "amd64", "amd64 " + name);
        TestImage arm64 = stage(name, "arm64", "arm64 " + name);
        byte[] index = index(amd64, arm64);
        Digest indexDigest = client.pushManifest("staging/" + name, "multi", index, MediaTypes.OCI_INDEX);
        repo.images("team", dmap(indexDigest, "3.0"));
        repo.commit("Promote the index");

        PromotionReport report = run(options().confirmed());

        assertTrue(report.clean(), report.toString());
        Skopeo prod = new Skopeo(production);
        assertEquals(indexDigest.toString(), prod.rawManifestSha256("prod/" + name, "3.0"));
        for (TestImage child : List.of(amd64, arm64)) {
            assertEquals(child.manifestDigest().toString(),
                    prod.rawManifestSha256("prod/" + name, child.manifestDigest().toString()));
        }

        repo.images("team", dmap(indexDigest, "3.0") + "    \"" + amd64.manifestDigest() + "\": [\"3.0-amd64\"]\n");
        repo.commit("Promote a child alone");
        PromotionReport child = run(options().confirmed());

        assertEquals(ErrorCode.PROMOTION_CHILD_DIGEST, child.plan().problems().get(0).code());
        assertTrue(child.plan().problems().get(0).message().contains(indexDigest.toString()));
    }

    @Test
    void promote_since_onlyPlansImagesChangedAfterTheRevision() {
        TestImage first = stage(name, "1", "first " + name);
        repo.images("team", dmap(first.manifestDigest(), "1"));
        String base = repo.commit("First");
        TestImage second = stage(name + "-b", "1", "second " + name);
        repo.images("team", dmap(first.manifestDigest(), "1") + "- name: " + name + "-b\n  dmap:\n    \""
                + second.manifestDigest() + "\": [\"1\"]\n");
        repo.commit("Second");

        PromotionReport report = run(options().withSince(base));

        assertEquals(1, report.plan().edges().size());
        assertEquals(name + "-b", report.plan().edges().get(0).edge().image());
    }

    @Test
    void promote_requiredSignature_acceptsASignedCommitAndRefusesAnUnsignedOne() throws Exception {
        try (ThrowawayKey key = ThrowawayKey.create(dir, "Release Approver <approver@slipway.invalid>")) {
            Path keyring = key.exportPublicKey(dir.resolve("approvers.asc"));
            TestImage signed = stage(name, "1.0", "signed " + name);
            repo.images("team", dmap(signed.manifestDigest(), "1.0"));
            String commit = repo.commitSigned("Signed promotion", key.home(), key.fingerprint());

            PromotionReport accepted = run(options().withKeyring(keyring).confirmed());

            assertTrue(accepted.clean(), accepted.toString());
            Approval approval = accepted.promoted().get(0).approval();
            assertEquals(commit, approval.commit());
            assertEquals(Approval.SignatureStatus.GOOD, approval.signature());
            assertEquals(java.util.Optional.of(key.fingerprint()), approval.signer());

            TestImage unsigned = stage(name, "1.1", "unsigned " + name);
            repo.images("team", dmap(signed.manifestDigest(), "1.0") + "    \"" + unsigned.manifestDigest()
                    + "\": [\"1.1\"]\n");
            repo.commit("Unsigned promotion");
            int mark = production.requests().size();

            PromotionReport refused = run(options().withKeyring(keyring).confirmed());

            assertTrue(refused.plan().refused());
            assertEquals(ErrorCode.PROMOTION_UNSIGNED_COMMIT, refused.plan().problems().get(0).code());
            assertEquals(List.of(), writes(production, mark));
        }
    }

    static byte[] index(TestImage amd64, TestImage arm64) {
        String entry = "{\"mediaType\":\"%s\",\"digest\":\"%s\",\"size\":%d,\"platform\":{\"architecture\":\"%s\","
                + "\"os\":\"linux\"}}";
        return ("{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":["
                + String.format(entry, amd64.mediaType(), amd64.manifestDigest(), amd64.manifest().length, "amd64")
                + "," + String.format(entry, arm64.mediaType(), arm64.manifestDigest(), arm64.manifest().length,
                        "arm64") + "]}").getBytes(StandardCharsets.UTF_8);
    }
}
