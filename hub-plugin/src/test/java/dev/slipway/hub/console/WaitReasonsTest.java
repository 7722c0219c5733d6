package dev.slipway.hub.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.task.TaskHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitReasonsTest {
    private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

    private static TaskInfo task(TaskState state, String arch) {
        return new TaskInfo(1, "buildContainer", null, state, "alice", "container", null, arch, 20, 2.0, NOW, null,
                null, null, null, null, null);
    }

    private static Admin.Host host(String name, String arch, double capacity, double load, boolean enabled,
            boolean ready) {
        return new Admin.Host(name, List.of(arch), List.of("container"), capacity, load, enabled, ready, null,
                NOW.minusSeconds(90));
    }

    private static String only(TaskInfo t, Admin.Host... hosts) {
        List<String> r = WaitReasons.of(t, List.of(hosts), NOW);
        assertEquals(1, r.size(), r.toString());
        return r.get(0);
    }

    @Test
    void of_afterAnExpiredLease_addsWhichHostLetItExpireAndWhen() {
        TaskHistory lost = new TaskHistory(null, NOW.minusSeconds(125), "b1");
        List<String> r = WaitReasons.of(task(TaskState.FREE, "x86_64"), lost,
                List.of(host("b1", "x86_64", 4, 0, true, false)), NOW);
        assertEquals(2, r.size(), r.toString());
        assertTrue(r.get(0).startsWith("No enabled host for it is ready: b1"), r.get(0));
        assertEquals("It went back to the queue at 2026-12-02 05:57:55 UTC (2m 05s ago) when the lease of host b1"
                + " expired: the host stopped sending heartbeats while it held the task.", r.get(1));
        assertEquals(1, WaitReasons.of(task(TaskState.FREE, "x86_64"), new TaskHistory(null, null, null),
                List.of(host("b1", "x86_64", 4, 0, true, false)), NOW).size(), "no lease was ever lost");
    }

    @Test
    void of_noHostInTheChannel_saysSo() {
        assertEquals("No host is in channel container.", only(task(TaskState.FREE, "noarch")));
    }

    @Test
    void of_noHostOfTheArch_namesTheHostsAndTheirArches() {
        assertEquals("No host in channel container builds aarch64 (hosts in the channel: b1 [x86_64]).",
                only(task(TaskState.FREE, "aarch64"), host("b1", "x86_64", 10, 0, true, true)));
    }

    @Test
    void of_everyHostDisabled_namesThem() {
        assertTrue(only(task(TaskState.FREE, "x86_64"), host("b1", "x86_64", 10, 0, false, true))
                .contains("is disabled: b1"));
    }

    @Test
    void of_noHostReady_givesTheLastHeartbeat() {
        assertTrue(only(task(TaskState.FREE, "x86_64"), host("b1", "x86_64", 10, 0, true, false))
                .contains("b1 (last heartbeat 1m 30s ago)"));
    }

    @Test
    void of_everyHostFull_givesLoadAgainstCapacity() {
        assertEquals("Every host that could run it is full for its weight 2: b1 load 9/10, b2 load 0.5/1.5.",
                only(task(TaskState.FREE, "noarch"), host("b1", "x86_64", 10, 9, true, true),
                        host("b2", "aarch64", 1.5, 0.5, true, true)));
    }

    @Test
    void of_aHostWithRoom_saysItRunsAtTheNextClaim() {
        assertTrue(only(task(TaskState.FREE, "x86_64"), host("b1", "x86_64", 10, 8, true, true))
                .startsWith("Host b1 has room"));
    }

    @Test
    void of_runningOrFinishedTask_isNotWaiting() {
        assertTrue(WaitReasons.of(task(TaskState.OPEN, "x86_64"), List.of(), NOW).isEmpty());
        assertTrue(WaitReasons.of(task(TaskState.CLOSED, "x86_64"), List.of(), NOW).isEmpty());
    }
}
