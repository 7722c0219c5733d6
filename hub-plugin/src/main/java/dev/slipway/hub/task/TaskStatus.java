package dev.slipway.hub.task;

import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.Write;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hot read of one task by id (status polls by scripts, consoles and the CLI's watch): one JDBC statement for
 * the row and its latest build, names from memory, and no Hibernate session.
 * <ul>
 * <li>A finished task (CLOSED, FAILED, CANCELED) never changes again on any hub (every state change is a
 * conditional update from an unfinished state, and only an OPEN task reserves builds), so its record is remembered
 * for good.</li>
 * <li>An unfinished task's record is remembered until the next committed change to any task's record ({@link
 * #changesRecords}; the {@link TaskEvents#onTasksChanged} signal, raised after this hub's commits and, from the
 * other hubs, by a NOTIFY their committing transactions send themselves). A change committed through this hub
 * therefore shows in the next read; one committed through another hub once its NOTIFY arrives (milliseconds).
 * While this hub does not hear the others ({@link TaskEvents#complete} false: relay not connected, or its own
 * ping not heard for 2 s), unfinished tasks are read every time.</li>
 * </ul>
 * The generation check is made against the value taken before the row was read: a write that commits while the
 * row is being read leaves a remembered record already out of date, never a stale one taken for current.
 */
final class TaskStatus {
    private static final String SQL = "select t.id, t.method, t.request, t.state, t.owner_id, t.channel_id,"
            + " t.host_id, t.arch, t.priority, t.weight, t.created, t.started, t.completed, t.result, t.fault,"
            + " (select max(b.id) from builds b where b.task_id = t.id), t.resubmitted_from from tasks t"
            + " where t.id = ?";
    private static final int MAX_FINISHED = 20_000;
    private static final int MAX_UNFINISHED = 20_000;
    /** What a heartbeat renews: no record shows it, so writing only it changes no record. */
    private static final Set<String> LEASE_ONLY = Set.of("lease_expires");
    private final Database db;
    private final TaskView view;
    private final TaskEvents events;
    private final Map<Long, TaskInfo> finished = new ConcurrentHashMap<>();
    private final Map<Long, Unfinished> unfinished = new ConcurrentHashMap<>();
    /** Bumped by every committed change to any task's record; remembered unfinished records carry the one read. */
    private final AtomicLong generation = new AtomicLong();

    /** An unfinished task's record, valid while {@link #generation} still equals {@code generation}. */
    private record Unfinished(TaskInfo info, long generation) {
    }

    /** What the row read found: the record, or that the task does not exist, or a name not yet known. */
    private record Read(TaskInfo info, boolean exists) {
    }

    TaskStatus(Database db, TaskView view, TaskEvents events) {
        this.db = db;
        this.view = view;
        this.events = events;
        events.onTasksChanged(() -> {
            generation.incrementAndGet();
            unfinished.clear();
        });
    }

    /**
     * Whether a transaction that made these writes may have changed some existing task's record (see {@link #SQL}):
     * an update or delete of tasks other than a lease renewal, or a build added or removed. A new task changes no
     * record already read (a task not found is never remembered).
     */
    static boolean changesRecords(Set<Write> writes) {
        for (Write w : writes) {
            boolean taskRow = w.verb() != Write.Verb.INSERT && w.changes("tasks", LEASE_ONLY);
            boolean build = w.table().equals("builds") && w.verb() != Write.Verb.UPDATE;
            if (taskRow || build) {
                return true;
            }
        }
        return false;
    }

    /**
     * The task's record, or TASK_NOT_FOUND; null when a name it needs is not in memory yet (the caller then reads
     * it through a session once, which remembers the name).
     */
    TaskInfo get(long id) {
        TaskInfo known = finished.get(id);
        if (known != null) {
            return known;
        }
        long gen = generation.get();
        boolean remember = events.complete();
        Unfinished recent = remember ? unfinished.get(id) : null;
        if (recent != null && recent.generation() == gen) {
            return recent.info();
        }
        Read r = db.query(c -> {
            try (PreparedStatement st = c.prepareStatement(SQL)) {
                st.setLong(1, id);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? new Read(row(rs), true) : new Read(null, false);
                }
            }
        });
        if (!r.exists()) {
            throw TaskService.notFound(id);
        }
        if (r.info() != null && r.info().state().finished()) {
            if (finished.size() >= MAX_FINISHED) {
                finished.clear(); // a crude bound: re-reading a finished task once more is cheap
            }
            finished.put(id, r.info());
        } else if (r.info() != null && remember) {
            if (unfinished.size() >= MAX_UNFINISHED) {
                unfinished.clear();
            }
            unfinished.put(id, new Unfinished(r.info(), gen));
        }
        return r.info();
    }

    private TaskInfo row(ResultSet rs) throws SQLException {
        long hostId = rs.getLong(7);
        boolean noHost = rs.wasNull();
        String host = noHost ? null : view.names().knownHost(hostId);
        String owner = view.names().knownUser(rs.getLong(5));
        String channel = view.names().knownChannel(rs.getLong(6));
        if (owner == null || channel == null || (!noHost && host == null)) {
            return null;
        }
        String result = rs.getString(14);
        String fault = rs.getString(15);
        long build = rs.getLong(16);
        Long buildId = rs.wasNull() ? null : build;
        long from = rs.getLong(17);
        Long resubmittedFrom = rs.wasNull() ? null : from;
        return new TaskInfo(rs.getLong(1), rs.getString(2), view.read(rs.getString(3)),
                TaskState.valueOf(rs.getString(4)), owner, channel, host, rs.getString(8), rs.getInt(9),
                rs.getDouble(10), instant(rs, 11), instant(rs, 12), instant(rs, 13),
                result == null ? null : view.read(result), fault == null ? null : view.fault(fault), buildId,
                resubmittedFrom);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
