package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.transport.EndpointCaller;
import dev.slipway.registry.transport.RetryPolicy;
import dev.slipway.registry.transport.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts one blob into a repository the cheapest way: nothing when a HEAD finds it, a cross-repository mount when a
 * source repository is named, otherwise an upload (POST then PUT, or PATCH chunks then PUT). Upload URLs change
 * on every step, so a failed upload is restarted from the POST rather than retried step by step.
 *
 * @see <a href="https://github.com/opencontainers/distribution-spec/blob/main/spec.md#push">OCI push</a>
 */
final class BlobPusher {
    private static final Logger LOG = LoggerFactory.getLogger(BlobPusher.class);
    private static final Set<ErrorCode> TRANSIENT = Set.of(ErrorCode.REGISTRY_UNREACHABLE,
            ErrorCode.REGISTRY_SERVER_ERROR, ErrorCode.REGISTRY_RATE_LIMITED, ErrorCode.REGISTRY_TIMEOUT);

    private final EndpointCaller caller;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final boolean singlePost;

    BlobPusher(EndpointCaller caller, RetryPolicy retry, Sleeper sleeper, boolean singlePost) {
        this.caller = caller;
        this.retry = retry;
        this.sleeper = sleeper;
        this.singlePost = singlePost;
    }

    /** Bytes sent so far, and whether the failing step was one the caller does not retry itself. */
    private static final class Progress {
        long bytesSent;
        boolean uploading;
    }

    /**
     * Pushes {@code blob}; {@code mountFrom} (nullable) names a repository on the same registry to mount from;
     * {@code chunkSize} > 0 uploads blobs larger than that in PATCH chunks.
     */
    BlobPushResult push(String repository, BlobSource blob, String mountFrom, int chunkSize) {
        Progress progress = new Progress();
        for (int attempt = 1; ; attempt++) {
            progress.uploading = false;
            try {
                return pushOnce(repository, blob, mountFrom, chunkSize, progress);
            } catch (SlipwayException e) {
                if (!progress.uploading || !TRANSIENT.contains(e.code())) {
                    throw e;
                }
                if (!retry.mayRetry(attempt)) {
                    throw new SlipwayException(e.code(), e.getMessage() + " (upload restarted " + (attempt - 1)
                            + " times, giving up)", e.getCause());
                }
                LOG.debug("Upload of {} to {} failed ({}); restarting it", blob.digest(), repository, e.code());
                try {
                    sleeper.sleep(retry.delay(attempt, Optional.empty()));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while pushing " + blob.digest());
                }
            }
        }
    }

    private BlobPushResult pushOnce(String repository, BlobSource blob, String mountFrom, int chunkSize,
            Progress progress) {
        if (caller.call(new BlobHeadEndpoint(repository, blob.digest())).isPresent()) {
            return new BlobPushResult(blob.digest(), blob.size(), BlobPushResult.Outcome.EXISTED, 0);
        }
        UploadStartEndpoint.Started started;
        if (mountFrom != null) {
            started = caller.call(UploadStartEndpoint.mount(repository, blob.digest(), mountFrom));
            if (started.completed()) {
                started.digest().ifPresent(d -> ContentDigests.check("mount " + blob.digest() + " into "
                        + repository, blob.digest(), d, "the registry's digest"));
                return new BlobPushResult(blob.digest(), blob.size(), BlobPushResult.Outcome.MOUNTED, 0);
            }
            // 202: the registry could not mount (blob unknown in the source) and opened an upload instead.
            ensureReadable(repository, blob);
        } else if (singlePost && chunkSize <= 0) {
            ensureReadable(repository, blob);
            progress.uploading = true;
            progress.bytesSent += blob.size();
            started = caller.call(UploadStartEndpoint.singlePost(repository, blob));
        } else {
            ensureReadable(repository, blob);
            started = caller.call(UploadStartEndpoint.open(repository));
        }
        if (started.completed()) {
            return uploaded(blob, progress);
        }
        String location = started.location().orElseThrow();
        progress.uploading = true;
        if (chunkSize > 0 && blob.size() > chunkSize) {
            location = sendChunks(repository, blob, location, chunkSize, progress);
            caller.call(new UploadFinishEndpoint(repository, location, blob.digest(), null));
        } else {
            progress.bytesSent += blob.size();
            caller.call(new UploadFinishEndpoint(repository, location, blob.digest(), blob));
        }
        return uploaded(blob, progress);
    }

    private String sendChunks(String repository, BlobSource blob, String firstLocation, int chunkSize,
            Progress progress) {
        String location = firstLocation;
        byte[] buffer = new byte[chunkSize];
        long offset = 0;
        try (InputStream in = blob.open()) {
            for (int n; (n = in.readNBytes(buffer, 0, chunkSize)) > 0; offset += n) {
                location = caller.call(new UploadChunkEndpoint(repository, location, buffer, n, offset));
                progress.bytesSent += n;
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_LOCAL_IO,
                    "Tried to upload " + blob.digest() + " to " + repository + " but could not read the blob", e);
        }
        if (offset != blob.size()) {
            throw new SlipwayException(ErrorCode.REGISTRY_UPLOAD_FAILED, "Tried to upload " + blob.digest() + " to "
                    + repository + " but its source gave " + offset + " bytes instead of " + blob.size());
        }
        return location;
    }

    /** Fails early and clearly when the local source is unreadable, rather than as a broken upload. */
    private static void ensureReadable(String repository, BlobSource blob) {
        try {
            blob.open().close();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_LOCAL_IO, "Tried to upload " + blob.digest() + " to "
                    + repository + " but could not read the blob: " + e.getMessage(), e);
        }
    }

    private static BlobPushResult uploaded(BlobSource blob, Progress progress) {
        return new BlobPushResult(blob.digest(), blob.size(), BlobPushResult.Outcome.UPLOADED, progress.bytesSent);
    }
}
