package dev.slipway.hub.http;

import dev.slipway.hub.task.TaskEvents;
import io.vertx.core.Vertx;

/** The three kinds of long-poll wake-up (claims, per-host task changes, per-task logs), fed by task events. */
public record HubSignals(Signals claims, Signals hosts, Signals logs) {
    /** Creates the signals and subscribes them to the hub's task events. */
    public static HubSignals listen(Vertx vertx, TaskEvents events) {
        HubSignals s = new HubSignals(new Signals(vertx), new Signals(vertx), new Signals(vertx));
        events.onRunnable(() -> s.claims.signal(Signals.ANY));
        events.onHostTasksChanged(s.hosts::signal);
        events.onLog(s.logs::signal);
        return s;
    }
}
