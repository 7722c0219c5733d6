package dev.slipway.hub.task;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.persistence.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Group commit for submissions: one writer thread takes every submission waiting at that moment and creates them
 * in one transaction, so a burst of clients shares one durable commit. Each caller is answered only after the
 * commit that holds its task; a refused submission fails alone and changes nothing.
 */
final class SubmissionBatcher implements AutoCloseable {
    private static final int MAX_BATCH = 256;
    private final Database db;
    private final Submission submission;
    private final Clock clock;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending(Principal principal, BuildContainerRequest request, SourceSpec source,
            CompletableFuture<Long> result) {
    }

    SubmissionBatcher(Database db, Submission submission, Clock clock) {
        this.db = db;
        this.submission = submission;
        this.clock = clock;
        this.writer = new Thread(this::drain, "slipway-hub-submit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Creates the task (after the caller's precheck) and returns its id once committed. Blocks. */
    long submit(Principal p, BuildContainerRequest req, SourceSpec src) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        if (!running) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "The hub is shutting down; submit again");
        }
        queue.add(new Pending(p, req, src, result));
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "The database did not commit the submission in 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "Interrupted while submitting");
        }
    }

    private void drain() {
        while (running) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.result.completeExceptionally(e));
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<Long> ids = db.tx(s -> {
            List<Long> created = new ArrayList<>();
            for (Pending p : batch) {
                try {
                    // Policy refusals throw before anything is written for this submission.
                    created.add(submission.create(s, p.principal, p.request, p.source, clock.instant()).id);
                } catch (SlipwayException e) {
                    p.result.completeExceptionally(e);
                    created.add(null);
                }
            }
            return created;
        });
        db.flush(); // acknowledged submissions must survive kill -9 of the hub
        for (int i = 0; i < batch.size(); i++) {
            if (ids.get(i) != null) {
                batch.get(i).result.complete(ids.get(i));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        queue.forEach(p -> p.result.completeExceptionally(
                new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "The hub is shutting down; submit again")));
    }
}
