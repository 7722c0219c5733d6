package dev.slipway.hub.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.metrics.HubMetrics;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.TaskEntity;
import dev.slipway.hub.persistence.Write;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/** The user side of tasks: submit, read, list, cancel, resubmit and free. Every method but {@link #submit} blocks. */
public final class TaskService implements AutoCloseable {
    private static final List<TaskState> UNFINISHED = List.of(TaskState.FREE, TaskState.ASSIGNED, TaskState.OPEN);
    private final Database db;
    private final Clock clock;
    private final TaskEvents events;
    private final HubMetrics metrics;
    private final TaskView view;
    private final Submission submission;
    private final SubmissionBatcher batcher;
    private final IdempotencyKeys keys;
    private final TaskStatus status;

    public TaskService(Database db, HubConfig config, Clock clock, TaskEvents events, HubMetrics metrics,
            ObjectMapper json) {
        this.db = db;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
        this.view = new TaskView(json);
        this.submission = new Submission(config.tasks(), new ScmAllowList(config.allowedScms()), view);
        this.keys = new IdempotencyKeys(view);
        this.status = new TaskStatus(db, view, events);
        db.afterCommit(writes -> {
            if (TaskStatus.changesRecords(writes)) {
                events.tasksChanged();
            }
        });
        this.batcher = new SubmissionBatcher(db, submission, clock, keys, created -> {
            for (int i = 0; i < created; i++) {
                metrics.submitted();
            }
            events.taskRunnable(); // one wake-up per commit, however many tasks it made runnable
        });
    }

    /** {@code buildContainer}: checks policy and queues a FREE task; returns its id once committed. Blocks. */
    public long buildContainer(Principal p, BuildContainerRequest req) {
        return batcher.submit(p, req, submission.precheck(p, req), null).taskId();
    }

    /**
     * {@code buildContainer} with an idempotency key (null: none): a repeat of an earlier request of the same
     * caller with the same key answers that request's task, whatever happened to it since, and creates nothing;
     * the same key with a different request is IDEMPOTENCY_KEY_REUSED. Blocks until committed.
     */
    public Submitted buildContainer(Principal p, BuildContainerRequest req, String idempotencyKey) {
        return join(submit(p, req, idempotencyKey));
    }

    /**
     * {@link #buildContainer(Principal, BuildContainerRequest, String)} without waiting for the commit: the policy
     * checks (and the idempotency-key lookup) run now, on the caller's thread, and a refusal is thrown here; the
     * future completes once the task is durably committed (the API answers then, not before).
     */
    public CompletableFuture<Submitted> submit(Principal p, BuildContainerRequest req, String idempotencyKey) {
        if (idempotencyKey == null) {
            return batcher.enqueue(p, req, submission.precheck(p, req), null);
        }
        IdempotencyKeys.Key key = keys.of(idempotencyKey, req);
        // A repeat is answered before the policy checks: the first request passed them, and its task stands.
        Long earlier = p.isUser() ? db.tx(s -> keys.find(s, p.id(), key)) : null;
        if (earlier != null) {
            return CompletableFuture.completedFuture(new Submitted(earlier, false));
        }
        return batcher.enqueue(p, req, submission.precheck(p, req), key);
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Whether a transaction that made these writes may have changed a task's record as {@link #get} shows it. */
    public static boolean changesRecords(Set<Write> writes) {
        return TaskStatus.changesRecords(writes);
    }

    public TaskInfo get(long id) {
        TaskInfo fast = status.get(id);
        return fast != null ? fast : read(id);
    }

    /** {@link #get} through a session, which also learns the names the fast read did not know yet. */
    private TaskInfo read(long id) {
        return db.read(s -> {
            List<Object[]> rows = s.createSelectionQuery("select t, (select max(b.id) from BuildEntity b"
                    + " where b.taskId = t.id) from TaskEntity t where t.id = :id", Object[].class)
                    .setParameter("id", id).getResultList();
            if (rows.isEmpty()) {
                throw notFound(id);
            }
            return view.of(s, (TaskEntity) rows.get(0)[0], (Long) rows.get(0)[1]);
        });
    }

    /** The task's timeline beyond its record: last assignment and last expired lease. */
    public TaskHistory history(long id) {
        return db.tx(s -> {
            TaskEntity t = load(s, id);
            return new TaskHistory(t.assigned, t.leaseLost, t.leaseLostHost);
        });
    }

    /**
     * Koji's setTaskPriority: releng or admin change an unfinished task's priority (lower runs first, 0..1000);
     * the scheduler orders FREE tasks by it at the next claim.
     */
    public TaskInfo setPriority(Principal p, long id, int priority) {
        p.require(p.isReleng(), "change task priorities (releng or admin only)");
        if (priority < 0 || priority > 1000) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "priority must be 0..1000, not " + priority);
        }
        db.tx(s -> {
            TaskEntity t = load(s, id);
            int n = s.createMutationQuery("update TaskEntity set priority = :p where id = :id"
                    + " and state in (:unfinished)").setParameter("p", priority).setParameter("id", id)
                    .setParameterList("unfinished", UNFINISHED).executeUpdate();
            if (n == 0) {
                throw new SlipwayException(ErrorCode.TASK_STATE_CONFLICT,
                        "Task " + id + " is " + t.state + "; only unfinished tasks change priority");
            }
            return n;
        });
        events.taskRunnable();
        return get(id);
    }

    /** Several tasks in one transaction, in the order asked (for batched callers such as koji's multiCall). */
    public List<TaskInfo> get(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.tx(s -> {
            // Two queries for the whole batch instead of two per task.
            Map<Long, TaskEntity> rows = new HashMap<>();
            s.createSelectionQuery("from TaskEntity t where t.id in (:ids)", TaskEntity.class)
                    .setParameterList("ids", Set.copyOf(ids)).getResultList().forEach(t -> rows.put(t.id, t));
            Map<Long, Long> builds = new HashMap<>();
            s.createSelectionQuery("select b.taskId, max(b.id) from BuildEntity b where b.taskId in (:ids)"
                    + " group by b.taskId", Object[].class).setParameterList("ids", Set.copyOf(ids))
                    .getResultList().forEach(r -> builds.put((Long) r[0], (Long) r[1]));
            List<TaskInfo> out = new ArrayList<>(ids.size());
            for (long id : ids) {
                TaskEntity t = rows.get(id);
                if (t == null) {
                    throw notFound(id);
                }
                out.add(view.of(s, t, builds.get(id)));
            }
            return out;
        });
    }

    /** Tasks matching the filter, newest first. */
    public Page<TaskInfo> list(TaskFilter f) {
        return db.read(s -> {
            List<TaskInfo> items = view.of(s, matching(s, f, "from TaskEntity t", " order by t.id desc",
                    TaskEntity.class).setFirstResult(f.offset()).setMaxResults(f.limit()).getResultList());
            return new Page<>(items, matching(s, f, "select count(*) from TaskEntity t", "", Long.class)
                    .getSingleResult(), f.offset(), f.limit());
        });
    }

    /** The first tasks matching the filter, newest first, without counting them all (a page that shows no total). */
    public List<TaskInfo> latest(TaskFilter f) {
        return db.read(s -> view.of(s, matching(s, f, "from TaskEntity t", " order by t.id desc", TaskEntity.class)
                .setFirstResult(f.offset()).setMaxResults(f.limit()).getResultList()));
    }

    /** {@code select} over the tasks the filter matches, then {@code tail}, with the filter's values bound. */
    private static <T> SelectionQuery<T> matching(Session s, TaskFilter f, String select, String tail,
            Class<T> type) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!f.states().isEmpty()) {
            where.append(" and t.state in (:states)");
        }
        if (f.owner() != null) {
            where.append(" and t.ownerId = (select u.id from UserEntity u where u.name = :owner)");
        }
        if (f.method() != null) {
            where.append(" and t.method = :method");
        }
        if (f.host() != null) {
            where.append(" and t.hostId = (select h.id from HostEntity h where h.name = :host)");
        }
        if (f.channel() != null) {
            where.append(" and t.channelId = (select c.id from ChannelEntity c where c.name = :channel)");
        }
        SelectionQuery<T> q = s.createSelectionQuery(select + where + tail, type);
        if (!f.states().isEmpty()) {
            q.setParameterList("states", f.states());
        }
        if (f.owner() != null) {
            q.setParameter("owner", f.owner());
        }
        if (f.method() != null) {
            q.setParameter("method", f.method());
        }
        if (f.host() != null) {
            q.setParameter("host", f.host());
        }
        if (f.channel() != null) {
            q.setParameter("channel", f.channel());
        }
        return q;
    }

    /**
     * How many tasks are in each state, every state present (zero when none), in one grouped query: the queue of
     * the console's summary. Public, as {@link #list} is.
     */
    public Map<TaskState, Long> countByState() {
        return db.read(s -> {
            Map<TaskState, Long> counts = new EnumMap<>(TaskState.class);
            for (TaskState state : TaskState.values()) {
                counts.put(state, 0L);
            }
            s.createSelectionQuery("select t.state, count(*) from TaskEntity t group by t.state", Object[].class)
                    .getResultList().forEach(r -> counts.put((TaskState) r[0], (Long) r[1]));
            return counts;
        });
    }

    /** Cancels an unfinished task (owner or admin); its BUILDING build becomes CANCELED and its NVR free. */
    public TaskInfo cancel(Principal p, long id) {
        Long host = db.tx(s -> {
            TaskEntity t = load(s, id);
            p.require(p.isAdmin() || (p.isUser() && t.ownerId == p.id()), "cancel task " + id
                    + " (only its owner or an admin may)");
            if (t.state == TaskState.CANCELED) {
                return null;
            }
            Instant now = clock.instant();
            ApiError fault = new ApiError(ErrorCode.CANCELED.code(), ErrorCode.CANCELED.name(),
                    "Task " + id + " was canceled by " + p.name());
            int n = s.createMutationQuery("update TaskEntity set state = :c, completed = :now, fault = :f,"
                    + " leaseExpires = null where id = :id and state in (:unfinished)")
                    .setParameter("c", TaskState.CANCELED).setParameter("now", now)
                    .setParameter("f", view.write(fault)).setParameter("id", id)
                    .setParameterList("unfinished", UNFINISHED).executeUpdate();
            if (n == 0) {
                throw new SlipwayException(ErrorCode.TASK_STATE_CONFLICT,
                        "Task " + id + " is " + t.state + " and can no longer be canceled");
            }
            s.createMutationQuery("update BuildEntity set state = :c, completed = :now where taskId = :id"
                    + " and state = :b").setParameter("c", BuildState.CANCELED).setParameter("now", now)
                    .setParameter("id", id).setParameter("b", BuildState.BUILDING).executeUpdate();
            return t.hostId == null ? -1L : t.hostId;
        });
        if (host != null) {
            metrics.finished(TaskState.CANCELED, null);
            if (host >= 0) {
                events.hostTasksChanged(host);
            }
            events.logChanged(id);
        }
        return get(id);
    }

    /** Queues a copy of a FAILED or CANCELED task for the caller (its owner or an admin), re-checking policy. */
    public long resubmit(Principal p, long id) {
        TaskEntity old = db.tx(s -> load(s, id));
        p.require(p.isAdmin() || (p.isUser() && old.ownerId == p.id()), "resubmit task " + id
                + " (only its owner or an admin may)");
        if (old.state != TaskState.FAILED && old.state != TaskState.CANCELED) {
            throw new SlipwayException(ErrorCode.TASK_STATE_CONFLICT,
                    "Task " + id + " is " + old.state + "; only FAILED or CANCELED tasks can be resubmitted");
        }
        BuildContainerRequest req = requestOf(old);
        SourceSpec src = submission.precheck(p, req);
        long newId = db.tx(s -> {
            TaskEntity t = submission.create(s, p, req, src, clock.instant());
            t.resubmittedFrom = id;
            return t.id;
        });
        metrics.submitted();
        events.taskRunnable();
        return newId;
    }

    /** Admin: returns an ASSIGNED or OPEN task to FREE so another host can take it. */
    public TaskInfo free(Principal p, long id) {
        p.require(p.isAdmin(), "free tasks (admin only)");
        Long host = db.tx(s -> {
            TaskEntity t = load(s, id);
            if (t.state == TaskState.FREE) {
                return null;
            }
            int n = s.createMutationQuery("update TaskEntity set state = :free, hostId = null, leaseExpires = null,"
                    + " started = null, assigned = null where id = :id and state in (:held)").setParameter("free", TaskState.FREE)
                    .setParameter("id", id).setParameterList("held", List.of(TaskState.ASSIGNED, TaskState.OPEN))
                    .executeUpdate();
            if (n == 0) {
                throw new SlipwayException(ErrorCode.TASK_STATE_CONFLICT,
                        "Task " + id + " is " + t.state + "; finished tasks cannot be freed");
            }
            return t.hostId;
        });
        if (host != null) {
            events.hostTasksChanged(host);
            events.taskRunnable();
        }
        return get(id);
    }

    private BuildContainerRequest requestOf(TaskEntity t) {
        var params = view.read(t.request);
        return new BuildContainerRequest(params.get("src").asText(), params.get("target").asText(),
                view.convert(params.get("opts"), BuildOpts.class), t.priority);
    }

    /** Stops taking submissions (the hub is closing). */
    @Override
    public void close() {
        batcher.close();
    }

    /** The task row, or TASK_NOT_FOUND. */
    public static TaskEntity load(Session s, long id) {
        TaskEntity t = s.get(TaskEntity.class, id);
        if (t == null) {
            throw notFound(id);
        }
        return t;
    }

    static SlipwayException notFound(long id) {
        return new SlipwayException(ErrorCode.TASK_NOT_FOUND, "Task " + id + " does not exist");
    }
}
