package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.hub.persistence.Write;
import dev.slipway.hub.persistence.Write.Verb;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which committed writes make hubs forget the unfinished task records they remember. */
class TaskRecordChangesTest {
    private static boolean changes(Write... writes) {
        return TaskService.changesRecords(Set.of(writes));
    }

    @Test
    void aTaskRowUpdatedOrDeleted_orABuildAddedOrRemoved_changesRecords() {
        assertTrue(changes(new Write(Verb.UPDATE, "tasks", Set.of("state", "host_id"))));
        assertTrue(changes(new Write(Verb.UPDATE, "tasks", Set.of("priority"))));
        assertTrue(changes(new Write(Verb.DELETE, "tasks", Set.of())));
        assertTrue(changes(new Write(Verb.INSERT, "builds", Set.of())));
        assertTrue(changes(new Write(Verb.DELETE, "builds", Set.of())));
        assertTrue(changes(new Write(Verb.UPDATE, "tasks", Set.of())), "an update whose columns were not read");
    }

    @Test
    void submissions_leaseRenewals_logLines_andOtherTables_changeNoRecord() {
        assertFalse(changes(new Write(Verb.INSERT, "tasks", Set.of())), "a new task changes no record read before");
        assertFalse(changes(new Write(Verb.UPDATE, "tasks", Set.of("lease_expires"))), "a heartbeat");
        assertFalse(changes(new Write(Verb.INSERT, "task_log", Set.of())));
        assertFalse(changes(new Write(Verb.UPDATE, "builds", Set.of("state"))), "a build's state is not in the task's record");
        assertFalse(changes(new Write(Verb.UPDATE, "hosts", Set.of("ready")), new Write(Verb.INSERT, "idempotency_keys", Set.of())));
    }
}
