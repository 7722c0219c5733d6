package dev.slipway.worker.daemon;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one task's log lines to the hub as they are produced: build threads add lines, the event loop sends them
 * in batches, one append at a time, so the hub's log keeps their order. A failed append is reported once and the
 * build goes on (the worker's own log file keeps every line).
 */
final class LogShipper {
    private static final Logger LOG = LoggerFactory.getLogger(LogShipper.class);
    private static final int BATCH = 1_000;
    private static final long PERIOD_MS = 100;
    private final Context context;
    private final HubClient hub;
    private final long taskId;
    private final long epoch;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private Future<Void> tail = Future.succeededFuture();
    private boolean sending;
    private boolean warned;
    private long timer = -1;

    LogShipper(Context context, HubClient hub, long taskId, long epoch) {
        this.context = context;
        this.hub = hub;
        this.taskId = taskId;
        this.epoch = epoch;
    }

    /** Starts the periodic flush (on the event loop). */
    void start() {
        timer = context.owner().setPeriodic(PERIOD_MS, id -> {
            if (!sending && !pending.isEmpty()) {
                ship();
            }
        });
    }

    /** Called from any thread: queues one line. */
    void line(String text) {
        pending.add(text);
    }

    /** Stops the timer and sends whatever is still queued; completes once the hub has every line. */
    Future<Void> drain() {
        if (timer >= 0) {
            context.owner().cancelTimer(timer);
            timer = -1;
        }
        return pending.isEmpty() ? tail : ship().compose(v -> drain());
    }

    private Future<Void> ship() {
        List<String> batch = new ArrayList<>();
        for (String l; batch.size() < BATCH && (l = pending.poll()) != null;) {
            batch.add(l);
        }
        sending = true;
        tail = tail.transform(ignored -> hub.appendLog(taskId, epoch, batch)).transform(ar -> {
            sending = false;
            if (ar.failed() && !warned) {
                warned = true;
                LOG.warn("Task {}: could not send log lines to the hub: {}", taskId, ar.cause().getMessage());
            }
            return Future.<Void>succeededFuture();
        });
        return tail;
    }
}
