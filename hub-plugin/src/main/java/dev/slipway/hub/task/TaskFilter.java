package dev.slipway.hub.task;

import dev.slipway.common.api.TaskState;
import java.util.List;

/**
 * The filters of a task listing, like kojiweb's tasks page: states (empty means all), owner, method, host and
 * channel names (null means any), and a page.
 */
public record TaskFilter(List<TaskState> states, String owner, String method, String host, String channel,
        int offset, int limit) {
    public TaskFilter {
        states = List.copyOf(states);
    }

    /** Any channel. */
    public TaskFilter(List<TaskState> states, String owner, String method, String host, int offset, int limit) {
        this(states, owner, method, host, null, offset, limit);
    }
}
