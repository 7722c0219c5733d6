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
import java.util.function.IntConsumer;
import org.hibernate.Session;

/**
 * Group commit for submissions: one writer thread takes every submission waiting at that moment and creates them
 * in one transaction, so a burst of clients shares one durable commit. {@link #enqueue} returns at once with a
 * future completed only after the commit that holds the task (no thread waits per submission, so every client
 * in flight can share the next commit); a refused submission fails alone and changes nothing. A submission with an
 * idempotency key whose task already exists (an earlier batch, the same batch, or another hub process) answers
 * that task.
 */
final class SubmissionBatcher implements AutoCloseable {
    /** Bounds one transaction; a burst larger than this is committed in several, back to back. */
    private static final int MAX_BATCH = 256;
    private static final long ANSWER_WITHIN_SECONDS = 60;
    private final Database db;
    private final Submission submission;
    private final Clock clock;
    private final IdempotencyKeys keys;
    private final IntConsumer committed;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending(Principal principal, BuildContainerRequest request, SourceSpec source,
            IdempotencyKeys.Key key, CompletableFuture<Submitted> result) {
    }

    /** {@code committed} hears, on the writer thread, how many tasks each durable commit created (when any). */
    SubmissionBatcher(Database db, Submission submission, Clock clock, IdempotencyKeys keys, IntConsumer committed) {
        this.db = db;
        this.submission = submission;
        this.clock = clock;
        this.keys = keys;
        this.committed = committed;
        this.writer = new Thread(this::drain, "slipway-hub-submit");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Queues the task's creation (after the caller's precheck) unless {@code key} (nullable) already names one of
     * the caller's. The future completes after the commit that holds it, or fails with the submission's refusal,
     * or with HUB_UNAVAILABLE when the database has not committed it within 60 s. Never blocks.
     */
    CompletableFuture<Submitted> enqueue(Principal p, BuildContainerRequest req, SourceSpec src,
            IdempotencyKeys.Key key) {
        CompletableFuture<Submitted> result = new CompletableFuture<>();
        if (!running) {
            return CompletableFuture.failedFuture(
                    new SlipwayException(ErrorCode.HUB_UNAVAILABLE, "The hub is shutting down; submit again"));
        }
        queue.add(new Pending(p, req, src, key, result));
        return result.completeOnTimeout(null, ANSWER_WITHIN_SECONDS, TimeUnit.SECONDS).thenApply(s -> {
            if (s == null) {
                throw new SlipwayException(ErrorCode.HUB_UNAVAILABLE,
                        "The database did not commit the submission in " + ANSWER_WITHIN_SECONDS + " s");
            }
            return s;
        });
    }

    /** {@link #enqueue}, waiting for the commit (for blocking callers: koji's XML-RPC, resubmissions). */
    Submitted submit(Principal p, BuildContainerRequest req, SourceSpec src, IdempotencyKeys.Key key) {
        try {
            return enqueue(p, req, src, key).get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
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
        int created = 0;
        for (Submitted s : ids) {
            created += s != null && s.created() ? 1 : 0;
        }
        if (created > 0) {
            committed.accept(created);
        }
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
