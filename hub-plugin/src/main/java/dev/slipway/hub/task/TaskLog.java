package dev.slipway.hub.task;

import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.LogLineEntity;
import dev.slipway.hub.persistence.TaskEntity;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.hibernate.Session;

/**
 * A task's append-only log, one row per line numbered from 0. Only the host holding the task appends; anyone may
 * read from an offset (a line number) and follow it while the task runs.
 */
public final class TaskLog {
    /** Longer lines are cut here (and marked) so one runaway line cannot fill the database. */
    static final int MAX_LINE = 65_536;
    private final Database db;
    private final TaskEvents events;

    /** A slice of a log: its lines, the offset after them, and whether the task has finished. */
    public record Slice(List<String> lines, long nextOffset, boolean finished) {
        public Slice {
            lines = List.copyOf(lines);
        }
    }

    public TaskLog(Database db, TaskEvents events) {
        this.db = db;
        this.events = events;
    }

    /** Appends lines for the host holding the task; returns the new length in lines. */
    public long append(long hostId, long taskId, List<String> lines) {
        return append(hostId, taskId, null, lines);
    }

    /** {@link #append(long, long, List)} for the holder of lease {@code epoch} (null: any epoch of this host). */
    public long append(long hostId, long taskId, Long epoch, List<String> lines) {
        long next = db.tx(s -> {
            // The row lock orders concurrent appends to one task, so line numbers never collide.
            TaskEntity t = s.find(TaskEntity.class, taskId, LockModeType.PESSIMISTIC_WRITE);
            if (t == null) {
                throw TaskService.notFound(taskId);
            }
            LeaseFence.check(t, epoch);
            if (!Scheduler.HELD.contains(t.state) || !Long.valueOf(hostId).equals(t.hostId)) {
                throw Scheduler.notHeld(t, hostId);
            }
            long n = length(s, taskId);
            for (String line : lines) {
                LogLineEntity row = new LogLineEntity();
                row.key = new LogLineEntity.Key(taskId, n++);
                row.line = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " [line cut]" : line;
                s.persist(row);
            }
            return n;
        });
        events.logChanged(taskId);
        return next;
    }

    /** Up to {@code limit} lines from {@code offset}. */
    public Slice read(long taskId, long offset, int limit) {
        return db.read(s -> slice(s, TaskService.load(s, taskId), offset, limit));
    }

    /** The last {@code limit} lines (a long log's tail), starting at the offset they begin at. */
    public Slice tail(long taskId, int limit) {
        return db.read(s -> {
            TaskEntity t = TaskService.load(s, taskId);
            return slice(s, t, Math.max(0, length(s, taskId) - limit), limit);
        });
    }

    private static Slice slice(Session s, TaskEntity t, long offset, int limit) {
        List<String> lines = s.createSelectionQuery("select l.line from LogLineEntity l where l.key.taskId = :t"
                + " and l.key.lineNo >= :o order by l.key.lineNo", String.class).setParameter("t", t.id)
                .setParameter("o", offset).setMaxResults(limit).getResultList();
        return new Slice(lines, offset + lines.size(), t.state.finished());
    }

    private static long length(Session s, long taskId) {
        return s.createSelectionQuery("select coalesce(max(l.key.lineNo) + 1, 0) from LogLineEntity l"
                + " where l.key.taskId = :t", Long.class).setParameter("t", taskId).getSingleResult();
    }
}
