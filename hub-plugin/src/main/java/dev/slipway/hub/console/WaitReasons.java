package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.task.TaskHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Answers "why is this task waiting?" for a FREE or ASSIGNED task from the hosts as the scheduler sees them: the
 * same eligibility test it applies (enabled, ready, in the task's channel, building its arch or any arch for a
 * noarch task, with room for its weight), stated as the first condition no host meets; and, when the task is
 * back in the queue because a host's lease on it expired, which host and when.
 */
public final class WaitReasons {
    private WaitReasons() {
    }

    /** The reasons, most decisive first; empty for a task that is not waiting. */
    public static List<String> of(TaskInfo t, TaskHistory history, List<Admin.Host> hosts, Instant now) {
        List<String> reasons = new ArrayList<>(of(t, hosts, now));
        if (t.state() == TaskState.FREE && history != null && history.leaseLost() != null) {
            reasons.add("It went back to the queue at " + Fmt.time(history.leaseLost()) + " ("
                    + Fmt.ago(history.leaseLost(), now) + ") when the lease of host "
                    + (history.leaseLostHost() == null ? "(removed)" : history.leaseLostHost())
                    + " expired: the host stopped sending heartbeats while it held the task.");
        }
        return reasons;
    }

    /** The reasons from the hosts alone, most decisive first; empty for a task that is not waiting. */
    public static List<String> of(TaskInfo t, List<Admin.Host> hosts, Instant now) {
        if (t.state() == TaskState.ASSIGNED) {
            return List.of("Host " + t.host() + " has claimed the task and has not opened it yet; if the host stops"
                    + " sending heartbeats its lease expires and the task becomes FREE again.");
        }
        if (t.state() != TaskState.FREE) {
            return List.of();
        }
        List<Admin.Host> inChannel = hosts.stream().filter(h -> h.channels() != null
                && h.channels().contains(t.channel())).toList();
        if (inChannel.isEmpty()) {
            return List.of("No host is in channel " + t.channel() + ".");
        }
        List<Admin.Host> archOk = inChannel.stream().filter(h -> "noarch".equals(t.arch())
                || (h.arches() != null && h.arches().contains(t.arch()))).toList();
        if (archOk.isEmpty()) {
            return List.of("No host in channel " + t.channel() + " builds " + t.arch() + " (hosts in the channel: "
                    + inChannel.stream().map(h -> h.name() + " " + h.arches()).collect(Collectors.joining(", "))
                    + ").");
        }
        List<Admin.Host> enabled = archOk.stream().filter(h -> Boolean.TRUE.equals(h.enabled())).toList();
        if (enabled.isEmpty()) {
            return List.of("Every host in channel " + t.channel() + " for " + t.arch() + " is disabled: "
                    + names(archOk) + ".");
        }
        List<Admin.Host> ready = enabled.stream().filter(h -> Boolean.TRUE.equals(h.ready())).toList();
        if (ready.isEmpty()) {
            return List.of("No enabled host for it is ready: " + enabled.stream().map(h -> h.name()
                    + " (last heartbeat " + (h.lastSeen() == null ? "never" : Fmt.ago(h.lastSeen(), now)) + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        List<Admin.Host> room = ready.stream().filter(h -> free(h) >= t.weight()).toList();
        if (room.isEmpty()) {
            return List.of("Every host that could run it is full for its weight " + Fmt.num(t.weight()) + ": "
                    + ready.stream().map(h -> h.name() + " load " + Fmt.num(load(h)) + "/" + Fmt.num(h.capacity()))
                    .collect(Collectors.joining(", ")) + ".");
        }
        return List.of((room.size() == 1 ? "Host " + names(room) + " has room; the task runs at that host's next claim"
                : "Hosts " + names(room) + " have room; the task runs at the next claim of one of them")
                + ", after tasks"
                + " of better priority (lower number) and older ones. Its priority is " + t.priority() + ".");
    }

    private static double load(Admin.Host h) {
        return h.load() == null ? 0 : h.load();
    }

    private static double free(Admin.Host h) {
        return (h.capacity() == null ? 0 : h.capacity()) - load(h);
    }

    private static String names(List<Admin.Host> hosts) {
        return hosts.stream().map(Admin.Host::name).collect(Collectors.joining(", "));
    }
}
