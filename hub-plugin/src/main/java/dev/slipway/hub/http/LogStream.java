package dev.slipway.hub.http;

import dev.slipway.hub.task.TaskLog;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Serves a task log as text: from a line offset, either what is there now (with {@code X-Slipway-Next-Offset})
 * or, with {@code follow=true}, a chunked stream that sends new lines as they arrive and ends when the task ends.
 */
final class LogStream {
    private static final int PAGE = 5_000;
    private final WorkerExecutor workers;
    private final TaskLog log;
    private final Signals signals;
    private final long recheckMs;

    LogStream(WorkerExecutor workers, TaskLog log, Signals signals, long recheckMs) {
        this.workers = workers;
        this.log = log;
        this.signals = signals;
        this.recheckMs = recheckMs;
    }

    Future<?> serve(Call call, long taskId) {
        Query q = call.query("offset", "follow");
        long offset = q.number("offset", 0, 0, Long.MAX_VALUE);
        boolean follow = q.flag("follow", false);
        HttpServerResponse response = call.context().response();
        if (!follow) {
            return workers.executeBlocking(() -> log.read(taskId, offset, 100_000), false).map(slice -> {
                response.putHeader("Content-Type", "text/plain; charset=utf-8")
                        .putHeader("X-Slipway-Next-Offset", String.valueOf(slice.nextOffset()))
                        .putHeader("X-Slipway-Task-Finished", String.valueOf(slice.finished()))
                        .end(text(slice));
                return slice;
            });
        }
        // Look the task up before committing to a 200 so an unknown task is still a JSON 404.
        return workers.executeBlocking(() -> log.read(taskId, offset, PAGE), false).map(first -> {
            response.setChunked(true).putHeader("Content-Type", "text/plain; charset=utf-8");
            // Send the 200 now: a follower of a log without lines yet must not wait for the first line to learn
            // that its stream is open.
            response.writeHead();
            pump(response, taskId, first, signals.generation(taskId));
            return first;
        });
    }

    private void pump(HttpServerResponse response, long taskId, TaskLog.Slice slice, long seen) {
        if (response.closed()) {
            return;
        }
        if (!slice.lines().isEmpty()) {
            response.write(text(slice));
        }
        if (slice.finished() && slice.lines().size() < PAGE) {
            response.end();
            return;
        }
        Future<Void> wait = slice.lines().size() >= PAGE ? Future.succeededFuture()
                : signals.await(taskId, seen, recheckMs);
        wait.compose(v -> {
            long gen = signals.generation(taskId);
            return workers.executeBlocking(() -> log.read(taskId, slice.nextOffset(), PAGE), false)
                    .map(next -> {
                        pump(response, taskId, next, gen);
                        return next;
                    });
        }).onFailure(e -> response.reset());
    }

    private static Buffer text(TaskLog.Slice slice) {
        StringBuilder sb = new StringBuilder();
        slice.lines().forEach(l -> sb.append(l).append('\n'));
        return Buffer.buffer(sb.toString());
    }
}
