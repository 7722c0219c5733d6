package dev.slipway.hub.task;

import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.persistence.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The hot read of one task by id (status polls by scripts, consoles and the CLI's watch): one JDBC statement for
 * the row and its latest build, names from memory, and no Hibernate session. A finished task (CLOSED, FAILED,
 * CANCELED) never changes again on any hub (every state change is a conditional update from an unfinished state,
 * and only an OPEN task reserves builds), so its record is remembered and answered without the database; an
 * unfinished one is read every time, so a change committed through any hub shows in the next read.
 */
final class TaskStatus {
    private static final String SQL = "select t.id, t.method, t.request, t.state, t.owner_id, t.channel_id,"
            + " t.host_id, t.arch, t.priority, t.weight, t.created, t.started, t.completed, t.result, t.fault,"
            + " (select max(b.id) from builds b where b.task_id = t.id), t.resubmitted_from from tasks t"
            + " where t.id = ?";
    private static final int MAX_FINISHED = 20_000;
    private final Database db;
    private final TaskView view;
    private final Map<Long, TaskInfo> finished = new ConcurrentHashMap<>();

    /** What the row read found: the record, or that the task does not exist, or a name not yet known. */
    private record Read(TaskInfo info, boolean exists) {
    }

    TaskStatus(Database db, TaskView view) {
        this.db = db;
        this.view = view;
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
