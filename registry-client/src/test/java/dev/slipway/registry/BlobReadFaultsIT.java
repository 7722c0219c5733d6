package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.transport.RetryPolicy;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.FaultProxy;
import dev.slipway.testing.registry.FaultProxy.Fault;
import dev.slipway.testing.registry.FaultProxy.Kind;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.registry.TestRegistryExtension;
import dev.slipway.testing.registry.UseRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading from the real registry through a fault-injecting proxy: a blob or manifest whose answer stops coming
 * mid-way fails with REGISTRY_TIMEOUT after the bounded retries (instead of hanging the worker), while a large
 * blob that arrives slowly but steadily, taking longer in total than the timeout, is read to the end.
 */
@ExtendWith(TestRegistryExtension.class)
@UseRegistry(AuthMode.OPEN)
class BlobReadFaultsIT {
    private static final String BLOB = "/v2/.+/blobs/sha256:.+";
    private static final String MANIFEST = "/v2/.+/manifests/.+";
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    private TestRegistry registry;
    private FaultProxy proxy;
    private RegistryClient direct;
    private RegistryClient viaProxy;
    private String repository;
    private byte[] content;
    private BlobSource blob;

    @BeforeEach
    void setUp(TestRegistry shared) {
        registry = shared;
        proxy = FaultProxy.start(registry.hostPort());
        RegistryClientConfig config = RegistryClientConfig.defaults().withTimeouts(Duration.ofSeconds(2), TIMEOUT)
                .withRetry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50)));
        direct = new RegistryClientFactory(config, CredentialsSource.none(), new ObjectMapper())
                .forHost(registry.hostPort());
        viaProxy = new RegistryClientFactory(config, CredentialsSource.none(), new ObjectMapper())
                .forHost(proxy.hostPort());
        repository = "open/blob-read-" + UUID.randomUUID().toString().substring(0, 8);
        content = new byte[256 * 1024];
        new Random(11).nextBytes(content);
        blob = BlobSource.ofBytes(content);
        direct.pushBlob(repository, blob);
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    @Test
    void fetchBlob_answerStallsMidBlob_timesOutAfterBoundedRetries_andLeavesNoFile(@TempDir Path dir) {
        proxy.inject(Fault.stallAnswer("GET", BLOB, 1000, 64 * 1024));
        Path target = dir.resolve("blob");
        long t0 = System.nanoTime();

        SlipwayException e = assertThrows(SlipwayException.class,
                () -> viaProxy.fetchBlob(repository, blob.digest(), target));

        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(ErrorCode.REGISTRY_TIMEOUT, e.code(), e.getMessage());
        assertTrue(e.getMessage().contains("no bytes of the answer arrived for 800 ms")
                && e.getMessage().contains("gave up after 2 attempts"), e.getMessage());
        assertEquals(2, proxy.faultsServed(Kind.STALL_ANSWER), "both attempts met the stall, then no more");
        assertTrue(ms < 10_000, "two idle timeouts, not forever: " + ms + " ms");
        assertFalse(Files.exists(target), "no partial blob is left behind");
        assertFalse(Files.exists(dir.resolve("blob.partial")));
    }

    @Test
    void fetchBlob_stallOnceMidBlob_isRetriedAndTheBlobArrivesWhole(@TempDir Path dir) throws Exception {
        proxy.inject(Fault.stallAnswer("GET", BLOB, 1, 64 * 1024));
        Path target = dir.resolve("blob");

        assertEquals(content.length, viaProxy.fetchBlob(repository, blob.digest(), target));

        assertArrayEquals(content, Files.readAllBytes(target));
        assertEquals(1, proxy.faultsServed(Kind.STALL_ANSWER));
    }

    @Test
    void fetchBlob_slowButMoving_takesLongerThanTheTimeoutInTotal_andSucceeds(@TempDir Path dir) throws Exception {
        // 256 KB in 16 KB pieces 200 ms apart: about 3 s in all, never 800 ms silent.
        proxy.inject(Fault.trickle("GET", BLOB, 1, 16 * 1024, 200));
        Path target = dir.resolve("blob");
        long t0 = System.nanoTime();

        assertEquals(content.length, viaProxy.fetchBlob(repository, blob.digest(), target));

        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertArrayEquals(content, Files.readAllBytes(target));
        assertTrue(ms > 2 * TIMEOUT.toMillis(), "the transfer took longer than the timeout: " + ms + " ms");
        assertEquals(1, proxy.faultsServed(Kind.TRICKLE));
    }

    @Test
    void getManifest_answerStallsMidBody_timesOut() {
        TestImage image = TestImage.create("m.txt", "manifest " + repository, TestImage.Format.OCI);
        direct.pushImage(repository, "1", image.manifest(), image.mediaType(),
                List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
        // The head arrives, then a few bytes of the manifest, then nothing.
        proxy.inject(Fault.stallAnswer("GET", MANIFEST, 1000, 10));

        SlipwayException e = assertThrows(SlipwayException.class, () -> viaProxy.getManifest(repository, "1"));

        assertEquals(ErrorCode.REGISTRY_TIMEOUT, e.code(), e.getMessage());
        assertEquals(2, proxy.faultsServed(Kind.STALL_ANSWER));
    }
}
