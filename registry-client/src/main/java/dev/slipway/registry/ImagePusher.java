package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/** Pushes an image: its distinct blobs in parallel (bounded), then the manifest once every blob is there. */
final class ImagePusher {
    private final int concurrency;

    ImagePusher(int concurrency) {
        this.concurrency = concurrency;
    }

    /** {@code pushBlob} pushes one blob; {@code pushManifest} runs after all blobs succeeded. */
    ImagePushResult push(List<BlobSource> blobs, Function<BlobSource, BlobPushResult> pushBlob,
            Supplier<Digest> pushManifest) {
        List<BlobPushResult> results = pushBlobs(blobs, pushBlob);
        return new ImagePushResult(pushManifest.get(), results);
    }

    /** Pushes the distinct blobs in parallel (bounded); the first failure stops the other uploads. */
    List<BlobPushResult> pushBlobs(List<BlobSource> blobs, Function<BlobSource, BlobPushResult> pushBlob) {
        Map<Digest, BlobSource> distinct = new LinkedHashMap<>();
        blobs.forEach(b -> distinct.putIfAbsent(b.digest(), b));
        List<BlobPushResult> results = new ArrayList<>();
        if (!distinct.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, distinct.size()),
                    daemonThreads());
            try {
                List<Future<BlobPushResult>> futures = new ArrayList<>();
                distinct.values().forEach(b -> futures.add(pool.submit(() -> pushBlob.apply(b))));
                for (Future<BlobPushResult> future : futures) {
                    results.add(await(future));
                }
            } finally {
                pool.shutdownNow(); // on failure, stop the other uploads
            }
        }
        return results;
    }

    private static BlobPushResult await(Future<BlobPushResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while pushing blobs", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SlipwayException s) {
                throw s;
            }
            throw new SlipwayException(ErrorCode.REGISTRY_UPLOAD_FAILED,
                    "Tried to push a blob but it failed: " + e.getCause(), e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "slipway-blob-push-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
