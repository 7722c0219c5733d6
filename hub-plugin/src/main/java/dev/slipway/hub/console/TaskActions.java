package dev.slipway.hub.console;

import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.auth.Principal;

/**
 * Which task actions a visitor is offered, mirroring the rules TaskService enforces (it re-checks every one: a
 * button shown here is a convenience, never the permission).
 */
public record TaskActions(boolean cancel, boolean resubmit, boolean free, boolean priority) {
    /** The actions {@code p} may take on {@code t} now. */
    public static TaskActions of(Principal p, TaskInfo t) {
        if (!p.isUser()) {
            return new TaskActions(false, false, false, false);
        }
        boolean ownerOrAdmin = p.isAdmin() || p.name().equals(t.owner());
        boolean unfinished = !t.state().finished();
        return new TaskActions(ownerOrAdmin && unfinished,
                ownerOrAdmin && (t.state() == TaskState.FAILED || t.state() == TaskState.CANCELED),
                p.isAdmin() && (t.state() == TaskState.ASSIGNED || t.state() == TaskState.OPEN),
                p.isReleng() && unfinished);
    }

    public boolean any() {
        return cancel || resubmit || free || priority;
    }
}
