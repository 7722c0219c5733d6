package dev.slipway.hub.http;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.TaskCreated;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.task.TaskFilter;
import dev.slipway.hub.task.TaskService;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.List;

/** The user-facing task calls: buildContainer, getTaskInfo, listTasks, cancel, resubmit, free, the task log. */
final class TaskEndpoints {
    private final TaskService tasks;
    private final LogStream logs;

    /** The body of setTaskPriority. */
    record PriorityChange(Integer priority) {
    }

    TaskEndpoints(TaskService tasks, LogStream logs) {
        this.tasks = tasks;
        this.logs = logs;
    }

    /**
     * 201 with the new task; 200 with the earlier task when the {@code Idempotency-Key} was seen before. Answered
     * once the task is committed; no thread waits for that commit.
     */
    Object buildContainer(Call c) {
        c.query();
        return tasks.submit(c.principal(), c.body(BuildContainerRequest.class),
                c.context().request().getHeader("Idempotency-Key"))
                .thenApply(s -> new Reply(s.created() ? 201 : 200, new TaskCreated(s.taskId())));
    }

    Object get(Call c) {
        c.query();
        return tasks.get(c.id("id"));
    }

    Object list(Call c) {
        Query q = c.query("state", "owner", "method", "host", "channel", "offset", "limit");
        return tasks.list(new TaskFilter(states(q.text("state")), q.text("owner"), q.text("method"), q.text("host"),
                q.text("channel"), (int) q.number("offset", 0, 0, 1_000_000), (int) q.number("limit", 50, 1, 1000)));
    }

    Object cancel(Call c) {
        c.query();
        return tasks.cancel(c.principal(), c.id("id"));
    }

    Object resubmit(Call c) {
        c.query();
        return Reply.created(new TaskCreated(tasks.resubmit(c.principal(), c.id("id"))));
    }

    Object free(Call c) {
        c.query();
        return tasks.free(c.principal(), c.id("id"));
    }

    Object priority(Call c) {
        c.query();
        PriorityChange change = c.body(PriorityChange.class);
        if (change.priority() == null) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "setTaskPriority needs {\"priority\": 0..1000}");
        }
        return tasks.setPriority(c.principal(), c.id("id"), change.priority());
    }

    Future<?> log(Call c) {
        return logs.serve(c, c.id("id"));
    }

    /** {@code active} (FREE, ASSIGNED, OPEN), {@code all}, or a comma-separated list of states. */
    private static List<TaskState> states(String text) {
        if (text == null || text.equals("all")) {
            return List.of();
        }
        if (text.equals("active")) {
            return List.of(TaskState.FREE, TaskState.ASSIGNED, TaskState.OPEN);
        }
        try {
            return Arrays.stream(text.split(",")).map(TaskState::valueOf).toList();
        } catch (IllegalArgumentException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "state must be active, all or a comma-separated list of "
                    + Arrays.toString(TaskState.values()));
        }
    }
}
