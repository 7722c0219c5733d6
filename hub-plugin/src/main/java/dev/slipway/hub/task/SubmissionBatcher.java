package dev.slipway.hub.task;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.persistence.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hibernate.Session;

/**
 * Group commit for submissions: one writer thread takes every submission waiting at that moment and creates them
 * in one transaction, so a burst of clients shares one durable commit. Each caller is answered only after the
 * commit that holds its task; a refused submission fails alone and changes nothing. A submission with an idempotency
 * key whose task already exists (an earlier batch, the same batch, or another hub process) answers that task.
 */
final class SubmissionBatcher implements AutoCloseable {
    private static final int MAX_BATCH = 256;
    private final Database db;
    private final Submission submission;
    private final Clock clock;
    private final IdempotencyKeys keys;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending(Principal principal, BuildContainerRequest request, SourceSpec source,
            IdempotencyKeys.Key key, CompletableFuture<Submitted> result) {
    }

    SubmissionBatcher(Database db, Submission submission, Clock clock, IdempotencyKeys keys) {
        this.db = db;
        this.submission = submission;
        this.clock = clock;
        this.keys = keys;
        this.writer = new Thread(this::drain, "slipway-hub-submit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Creates the task (after the caller's precheck) and returns its id once committed. Blocks. */
    long submit(Principal p, BuildContainerRequest req, SourceSpec src) {
        return submit(p, req, src, null).taskId();
    }

    /**
     * Creates the task unless {@code key} (nullable) already names one of the caller's; answers the task once
     * committed. Blocks.
     */
    Submitted submit(Principal p, BuildContainerRequest req, SourceSpec src, IdempotencyKeys.Key key) {
        CompletableFuture<Submitted> result = new CompletableFuture<>();
        if (!running) {
            throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "The hub is shutting down; submit again");
        }
        queue.add(new Pending(p, req, src, key, result));
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
                commitOrSplit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                batch.forEach(p -> p.result.completeExceptionally(e));
            }
        }
    }

    /**
     * Commits the batch; when another hub process committed one of its idempotency keys first (the insert hits the
     * primary key), retries each submission alone, where the lookup then finds the other process's task.
     */
    private void commitOrSplit(List<Pending> batch) {
        try {
            commit(batch);
        } catch (RuntimeException e) {
            if (!IdempotencyKeys.isDuplicate(e)) {
                throw e;
            }
            for (Pending p : batch) {
                if (p.result.isDone()) {
                    continue; // refused inside the failed batch: that answer stands
                }
                try {
                    commit(List.of(p));
                } catch (RuntimeException again) {
                    p.result.completeExceptionally(again);
                }
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<Submitted> ids = db.tx(s -> {
            List<Submitted> created = new ArrayList<>();
            for (Pending p : batch) {
                try {
                    created.add(create(s, p));
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

    /** One submission inside the batch's transaction; policy refusals throw before anything is written for it. */
    private Submitted create(Session s, Pending p) {
        long owner = p.principal.id();
        Long earlier = p.key == null ? null : keys.find(s, owner, p.key);
        if (earlier != null) {
            return new Submitted(earlier, false);
        }
        Instant now = clock.instant();
        long id = submission.create(s, p.principal, p.request, p.source, now).id;
        if (p.key != null) {
            keys.record(s, owner, p.key, id, now);
        }
        return new Submitted(id, true);
    }

    @Override
    public void close() {
        running = false;
        writer.interrupt();
        queue.forEach(p -> p.result.completeExceptionally(
                new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "The hub is shutting down; submit again")));
    }
}
