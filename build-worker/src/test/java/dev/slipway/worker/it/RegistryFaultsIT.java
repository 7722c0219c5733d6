package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.testing.distgit.SampleContainerRepo;
import dev.slipway.testing.registry.FaultProxy;
import dev.slipway.testing.registry.FaultProxy.Fault;
import dev.slipway.testing.registry.FaultProxy.Kind;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.RegistryClientSettings;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real pipeline pushing through a fault-injecting proxy in front of the real registry: transient faults (5xx,
 * 429 with Retry-After, a reset connection) are retried within bounds and the build completes; persistent ones
 * (5xx every time, a stalled upload, the registry down) fail the build with a stable code, move no floating tag
 * and export no mirror.
 */
@ExtendWith(SampleEnvironmentExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryFaultsIT {
    private static final String NS = "faults-it";
    private static final String UPLOAD_START = "/v2/.+/blobs/uploads/";
    private static final String UPLOAD = "/v2/.+/blobs/uploads/.+";
    private static final String MANIFEST = "/v2/.+/manifests/.+";

    private SampleEnvironment env;
    private FaultProxy proxy;
    private ContainerBuilder builder;
    private Path mirror;
    private final List<String> mirrored = new ArrayList<>();

    @BeforeAll
    void start(SampleEnvironment environment) {
        env = environment;
        proxy = FaultProxy.start(env.open.hostPort());
        mirror = env.newDir("faults-mirror");
        // Short timeouts and backoff, so a stall and an exhausted retry budget cost seconds, not minutes.
        WorkerConfig config = new WorkerConfig(List.of(env.dir.toUri().toString()), SampleEnvironment.SITE,
                List.of(), EngineConfig.defaults(), env.dir.resolve("work").toString())
                .withRegistryClient(new RegistryClientSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3,
                        Duration.ofMillis(50), Duration.ofMillis(200)));
        builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()), null);
    }

    @AfterAll
    void stop() {
        if (builder != null) {
            builder.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    private BuildResult build() {
        RegistryConfig viaProxy = new RegistryConfig(URI.create("http://" + proxy.hostPort()), NS, null, null, null);
        BuildRequest request = new BuildRequest(SourceSpec.parse(env.sample.repo().repo()
                .source(env.sample.repo().firstCommit())), "f40-container-candidate", List.of(viaProxy), mirror,
                false, null, "packager");
        try {
            BuildResult result = builder.build(request, Files.createTempFile(env.dir, "faults-", ".log"), l -> { });
            if (result.state() == BuildResult.Outcome.COMPLETE) {
                mirrored.add(result.version() + "-" + result.release());
            }
            return result;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The digest the real registry (not the proxy) serves for a tag. */
    private String registryDigest(String tag) {
        return Tools.skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}",
                "docker://" + env.open.hostPort() + "/" + NS + "/" + SampleContainerRepo.NAME + ":" + tag).strip();
    }

    /** Only completed builds are in the mirror, and no partial export is left beside them. */
    private void assertMirrorHoldsOnlyCompletedBuilds() throws IOException {
        Path versions = mirror.resolve(SampleContainerRepo.NAME);
        List<String> dirs;
        try (Stream<Path> s = Files.list(versions)) {
            dirs = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertEquals(mirrored.stream().sorted().toList(), dirs);
        try (Stream<Path> all = Files.walk(mirror)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().contains(".tmp-")).toList());
        }
    }

    private void assertFailedWith(BuildResult r, ErrorCode code, String latestBefore) throws IOException {
        assertEquals(BuildResult.Outcome.FAILED, r.state(), "the build must fail");
        assertEquals(code.code(), r.error().code(), () -> r.error().toString());
        assertEquals(latestBefore, registryDigest("latest"), "a failed build moves no floating tag");
        assertEquals(latestBefore, registryDigest(r.version() == null ? "latest" : r.version()));
        assertMirrorHoldsOnlyCompletedBuilds();
    }

    @Test
    @Order(1)
    void transientFaults_areRetriedWithinBounds_honouringRetryAfter_andTheBuildCompletes() throws IOException {
        proxy.inject(Fault.status("POST", UPLOAD_START, 2, 503, null));
        proxy.inject(Fault.reset("PUT", UPLOAD, 1));
        proxy.inject(Fault.status("PUT", MANIFEST, 1, 429, "1"));
        BuildResult r = build();
        proxy.clear();
        assertEquals(BuildResult.Outcome.COMPLETE, r.state(), () -> String.valueOf(r.error()));
        assertEquals(3, proxy.faultsServed(Kind.STATUS), "both 503s and the 429 were served");
        assertEquals(1, proxy.faultsServed(Kind.RESET));
        List<FaultProxy.Seen> seen = proxy.seen();
        FaultProxy.Seen limited = seen.stream().filter(s -> s.fault() == Kind.STATUS && s.method().equals("PUT"))
                .findFirst().orElseThrow();
        FaultProxy.Seen retried = seen.stream().filter(s -> s.fault() == null && s.method().equals("PUT")
                && s.path().equals(limited.path()) && s.nanoTime() > limited.nanoTime()).findFirst().orElseThrow();
        long waitedMs = (retried.nanoTime() - limited.nanoTime()) / 1_000_000;
        assertTrue(waitedMs >= 900, "the retry waited for Retry-After: 1 (" + waitedMs + " ms)");
        assertEquals(r.image().manifestDigest(), registryDigest("latest"));
        assertMirrorHoldsOnlyCompletedBuilds();
    }

    @Test
    @Order(2)
    void serverErrorsThatDoNotStop_failTheBuildAfterBoundedRetries() throws IOException {
        String latest = registryDigest("latest");
        proxy.inject(Fault.status("PUT", MANIFEST, 1000, 500, null));
        long before = proxy.seen().size();
        BuildResult r = build();
        proxy.clear();
        assertFailedWith(r, ErrorCode.REGISTRY_SERVER_ERROR, latest);
        assertTrue(r.error().message().contains("gave up after 3 attempts"), r.error().message());
        long tries = proxy.seen().subList((int) before, proxy.seen().size()).stream()
                .filter(s -> s.fault() == Kind.STATUS).count();
        assertEquals(3, tries, "exactly the configured attempts, then no more");
    }

    @Test
    @Order(3)
    void uploadThatStallsMidBlob_timesOutAndFailsTheBuild() throws IOException {
        String latest = registryDigest("latest");
        proxy.inject(Fault.stall("PUT", UPLOAD, 1000, 512));
        long t0 = System.nanoTime();
        BuildResult r = build();
        proxy.clear();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertFailedWith(r, ErrorCode.REGISTRY_TIMEOUT, latest);
        assertTrue(ms < 60_000, "a stall costs the bounded retries, not forever: " + ms + " ms");
    }

    @Test
    @Order(4)
    void imagePushRefused_whileItsSbomsWereStaged_leavesNoReferrerClaimingTheBuild() throws IOException {
        String latest = registryDigest("latest");
        List<String> referrersBefore = referrerTags();
        // Only the image's own manifest (its unique tag) is refused; SBOM blobs and artifact manifests would pass.
        proxy.inject(Fault.status("PUT", "/v2/.+/manifests/f40-container-candidate-.+", 1000, 500, null));
        BuildResult r = build();
        proxy.clear();
        assertFailedWith(r, ErrorCode.REGISTRY_SERVER_ERROR, latest);
        assertEquals(referrersBefore, referrerTags(), "no SBOM referrer index names the failed build's image");
    }

    /** The repository's {@code sha256-<hex>} tags: the referrers fallback indexes, one per image with referrers. */
    private List<String> referrerTags() throws IOException {
        List<String> tags = new ArrayList<>();
        new ObjectMapper().readTree(Tools.skopeo("list-tags", "--tls-verify=false", "docker://" + env.open.hostPort()
                + "/" + NS + "/" + SampleContainerRepo.NAME)).path("Tags").forEach(t -> {
                    if (t.asText().startsWith("sha256-")) {
                        tags.add(t.asText());
                    }
                });
        return tags.stream().sorted().toList();
    }

    @Test
    @Order(5)
    void registryDown_failsTheBuildAsUnreachable() throws IOException {
        String latest = registryDigest("latest");
        proxy.down();
        BuildResult r;
        try {
            r = build();
        } finally {
            proxy.up();
        }
        assertFailedWith(r, ErrorCode.REGISTRY_UNREACHABLE, latest);
        assertTrue(r.error().message().contains(proxy.hostPort()), "the message names the registry tried");
    }
}
