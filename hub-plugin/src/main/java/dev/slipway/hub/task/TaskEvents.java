package dev.slipway.hub.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;

/**
 * In-process signals between the parts of one hub: a task became runnable, a host's task was canceled or lost, a
 * task's log grew. Waiting long-polls listen here; other hub processes sharing the database are caught by the
 * waiters' periodic re-check.
 */
public final class TaskEvents {
    private final List<Runnable> runnable = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> hostChanged = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> logGrew = new CopyOnWriteArrayList<>();

    public void onRunnable(Runnable listener) {
        runnable.add(listener);
    }

    public void onHostTasksChanged(LongConsumer listener) {
        hostChanged.add(listener);
    }

    public void onLog(LongConsumer listener) {
        logGrew.add(listener);
    }

    /** A task became FREE (submitted, freed, lease expired). */
    public void taskRunnable() {
        runnable.forEach(Runnable::run);
    }

    /** One of this host's tasks was canceled, freed or otherwise taken away. */
    public void hostTasksChanged(long hostId) {
        hostChanged.forEach(l -> l.accept(hostId));
    }

    /** Lines were appended to a task's log, or the task finished. */
    public void logChanged(long taskId) {
        logGrew.forEach(l -> l.accept(taskId));
    }
}
