package dev.slipway.hub.task;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Signals between the parts of a hub: a task became runnable, a host's task was canceled or lost, a task's log
 * grew. Waiting long-polls listen here. With several hub processes on one database, every signal raised here is
 * also handed to the {@link #relayTo relay} (PostgreSQL NOTIFY) and signals from the other hubs come back in
 * through {@link #receive}, so a long-poll on one hub wakes for a change made through another.
 */
public final class TaskEvents {
    private final List<Runnable> runnable = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> hostChanged = new CopyOnWriteArrayList<>();
    private final List<LongConsumer> logGrew = new CopyOnWriteArrayList<>();
    private final List<Runnable> tasksChanged = new CopyOnWriteArrayList<>();
    private volatile Consumer<String> relay = s -> { };
    private volatile BooleanSupplier relayLive = () -> true;
    /** Whether every change committed through any hub reaches {@link #onTasksChanged} (see {@link #complete}). */
    private volatile boolean complete = true;

    public void onRunnable(Runnable listener) {
        runnable.add(listener);
    }

    public void onHostTasksChanged(LongConsumer listener) {
        hostChanged.add(listener);
    }

    public void onLog(LongConsumer listener) {
        logGrew.add(listener);
    }

    /** Listens for committed changes to any task's record (its row or its builds), on this hub or another. */
    public void onTasksChanged(Runnable listener) {
        tasksChanged.add(listener);
    }

    /**
     * Where signals raised on this hub go for the other hubs (each as its text form), and whether this hub hears
     * theirs at the moment.
     */
    public void relayTo(Consumer<String> peers, BooleanSupplier live) {
        this.relay = peers;
        this.relayLive = live;
    }

    /** A task became FREE (submitted, freed, lease expired). */
    public void taskRunnable() {
        runnable.forEach(Runnable::run);
        relay.accept(RUNNABLE);
    }

    /** One of this host's tasks was canceled, freed or otherwise taken away. */
    public void hostTasksChanged(long hostId) {
        hostChanged.forEach(l -> l.accept(hostId));
        relay.accept(HOST + hostId);
    }

    /** Lines were appended to a task's log, or the task finished. */
    public void logChanged(long taskId) {
        logGrew.forEach(l -> l.accept(taskId));
        relay.accept(LOG + taskId);
    }

    /**
     * A transaction that wrote some task's record (or a build of it) committed on this hub. The other hubs hear of
     * it from the transaction itself (its {@link #TASKS} NOTIFY, see Database#commitNotice), not through the relay.
     */
    public void tasksChanged() {
        tasksChanged.forEach(Runnable::run);
    }

    /**
     * True when every change committed through any hub is known to reach {@link #onTasksChanged} listeners: always
     * with one hub, and with several only while the relay from the other hubs is connected (see {@link #peersLost}
     * and {@link #resync}). While false, nothing may be answered from what was read before.
     */
    public boolean complete() {
        return complete && relayLive.getAsBoolean();
    }

    /**
     * Changes made through other hubs arrive only through the relay, which is not connected yet or just lost its
     * connection: until the next {@link #resync}, {@link #complete} is false.
     */
    public void peersLost() {
        complete = false;
        tasksChanged.forEach(Runnable::run);
    }

    /**
     * A signal another hub raised, in its text form: wakes this hub's listeners without relaying it again.
     * Unknown text is ignored (a newer hub's signal kind).
     */
    public void receive(String signal) {
        if (signal.equals(RUNNABLE)) {
            runnable.forEach(Runnable::run);
            return;
        }
        if (signal.equals(TASKS)) {
            tasksChanged.forEach(Runnable::run);
            return;
        }
        if (signal.length() < 2) {
            return;
        }
        long id;
        try {
            id = Long.parseLong(signal.substring(1));
        } catch (NumberFormatException e) {
            return;
        }
        if (signal.startsWith(HOST)) {
            hostChanged.forEach(l -> l.accept(id));
        } else if (signal.startsWith(LOG)) {
            logGrew.forEach(l -> l.accept(id));
        }
    }

    /**
     * After a gap in the relay (e.g. the database restarted) signals may have been missed: waiting claims re-check
     * now, task records read before are forgotten, and the relay is connected again ({@link #complete}); waiting
     * heartbeats and log streams re-check on their own short period anyway.
     */
    public void resync() {
        tasksChanged.forEach(Runnable::run);
        complete = true;
        runnable.forEach(Runnable::run);
    }

    static final String RUNNABLE = "r";
    static final String HOST = "h";
    static final String LOG = "l";
    /** The signal a transaction that changed task records sends the other hubs. */
    public static final String TASKS = "t";
}
