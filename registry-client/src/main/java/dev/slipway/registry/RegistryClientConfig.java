package dev.slipway.registry;

import dev.slipway.common.image.RegistryAddress;
import dev.slipway.registry.transport.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How registry clients behave: timeouts, retries, an optional client-side rate limit, which hosts speak plain
 * HTTP (loopback always does), upload parallelism and chunking.
 *
 * @param requestTimeout until the answer starts (a stalled upload times out here), and the longest pause while an
 *     answer's body is read (a blob GET whose bytes stop coming); never a limit on a whole transfer that keeps moving
 * @param requestsPerSecond per registry host; 0 turns the limit off
 * @param insecureHosts {@code host[:port]} values reached over plain HTTP besides loopback
 * @param uploadConcurrency blobs pushed at once by {@code pushImage}
 * @param chunkSize bytes per PATCH for blobs larger than this; 0 uploads every blob in one PUT
 * @param singlePostUpload try the single-POST upload first (registry 2.8 answers 202 and the PUT follows)
 */
public record RegistryClientConfig(Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
        double requestsPerSecond, Set<String> insecureHosts, int uploadConcurrency, int chunkSize,
        boolean singlePostUpload, String userAgent) {

    public RegistryClientConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(userAgent, "userAgent");
        insecureHosts = Set.copyOf(insecureHosts);
        if (requestsPerSecond < 0 || uploadConcurrency < 1 || chunkSize < 0) {
            throw new IllegalArgumentException("need requestsPerSecond >= 0, uploadConcurrency >= 1, chunkSize >= 0");
        }
    }

    /**
     * 10 s to connect, 5 min per request, 4 attempts backing off from 0.5 s to 8 s, 5 parallel uploads (dockerd's
     * {@code max-concurrent-uploads}: a typical layered image's config and new layers go in one wave, since each
     * small blob costs round trips, not bandwidth).
     */
    public static RegistryClientConfig defaults() {
        return new RegistryClientConfig(Duration.ofSeconds(10), Duration.ofMinutes(5),
                new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8)), 0, Set.of(), 5, 0, false,
                "slipway-registry-client/0.1");
    }

    public RegistryClientConfig withTimeouts(Duration connect, Duration request) {
        return new RegistryClientConfig(connect, request, retry, requestsPerSecond, insecureHosts,
                uploadConcurrency, chunkSize, singlePostUpload, userAgent);
    }

    public RegistryClientConfig withRetry(RetryPolicy policy) {
        return new RegistryClientConfig(connectTimeout, requestTimeout, policy, requestsPerSecond, insecureHosts,
                uploadConcurrency, chunkSize, singlePostUpload, userAgent);
    }

    /** Bounded exponential backoff: {@code attempts} calls at most, from {@code initial} doubling to {@code max}. */
    public RegistryClientConfig withRetries(int attempts, Duration initial, Duration max) {
        return withRetry(new RetryPolicy(attempts, initial, max));
    }

    public RegistryClientConfig withRequestsPerSecond(double limit) {
        return new RegistryClientConfig(connectTimeout, requestTimeout, retry, limit, insecureHosts,
                uploadConcurrency, chunkSize, singlePostUpload, userAgent);
    }

    public RegistryClientConfig withInsecureHosts(Set<String> hosts) {
        return new RegistryClientConfig(connectTimeout, requestTimeout, retry, requestsPerSecond, hosts,
                uploadConcurrency, chunkSize, singlePostUpload, userAgent);
    }

    public RegistryClientConfig withUploadConcurrency(int blobsAtOnce) {
        return new RegistryClientConfig(connectTimeout, requestTimeout, retry, requestsPerSecond, insecureHosts,
                blobsAtOnce, chunkSize, singlePostUpload, userAgent);
    }

    public RegistryClientConfig withChunkSize(int bytes) {
        return new RegistryClientConfig(connectTimeout, requestTimeout, retry, requestsPerSecond, insecureHosts,
                uploadConcurrency, bytes, singlePostUpload, userAgent);
    }

    public RegistryClientConfig withSinglePostUpload(boolean enabled) {
        return new RegistryClientConfig(connectTimeout, requestTimeout, retry, requestsPerSecond, insecureHosts,
                uploadConcurrency, chunkSize, enabled, userAgent);
    }

    /** Plain HTTP for loopback hosts and the configured insecure ones, HTTPS for everything else (Docker's rule). */
    public boolean usesPlainHttp(String host) {
        return RegistryAddress.plainHttp(host, insecureHosts);
    }
}
