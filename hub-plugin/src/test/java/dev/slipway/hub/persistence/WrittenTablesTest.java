package dev.slipway.hub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.hub.persistence.Write.Verb;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a transaction wrote, read from the SQL Hibernate prepares (the forms Hibernate 6 writes). */
class WrittenTablesTest {
    private final WrittenTables inspector = new WrittenTables();

    @Test
    void collectsEveryWrite_withTheColumnsAnUpdateSets_notTheReads() {
        Set<Write> outer = inspector.begin();
        inspector.inspect("select t1_0.id,t1_0.last_update from tasks t1_0 where t1_0.id=?");
        inspector.inspect("update tasks set state=?,completed=? where id=? and state in (?,?)");
        inspector.inspect("update tasks set lease_expires=? where host_id=? and id in (?,?)");
        inspector.inspect("insert into builds (created,name,id) values (?,?,?)");
        inspector.inspect("delete from koji_sessions where expires < ?");
        inspector.inspect("  UPDATE \"hosts\" SET \"ready\"=? WHERE id=?");
        inspector.inspect("with x as (select 1) update images i1_0 set digest=?");
        assertEquals(Set.of(
                new Write(Verb.UPDATE, "tasks", Set.of("state", "completed")),
                new Write(Verb.UPDATE, "tasks", Set.of("lease_expires")),
                new Write(Verb.INSERT, "builds", Set.of()),
                new Write(Verb.DELETE, "koji_sessions", Set.of()),
                new Write(Verb.UPDATE, "hosts", Set.of("ready")),
                new Write(Verb.UPDATE, "images", Set.of("digest"))), inspector.end(outer));
    }

    @Test
    void nestedTransactions_collectTheirOwn_andTheOuterResumes() {
        Set<Write> outer = inspector.begin();
        inspector.inspect("update tasks set priority=? where id=?");
        Set<Write> inner = inspector.begin();
        inspector.inspect("insert into task_log (task_id,line) values (?,?)");
        assertEquals(Set.of(new Write(Verb.INSERT, "task_log", Set.of())), inspector.end(inner));
        assertEquals(Set.of(new Write(Verb.UPDATE, "tasks", Set.of("priority"))), inspector.current());
        assertEquals(Set.of(new Write(Verb.UPDATE, "tasks", Set.of("priority"))), inspector.end(outer));
    }

    @Test
    void outsideATransaction_nothingIsCollected() {
        inspector.inspect("update tasks set priority=? where id=?");
        assertEquals(Set.of(), inspector.end(null));
    }

    @Test
    void aWrite_changesATable_unlessItSetOnlyIgnoredColumns() {
        Set<String> lease = Set.of("lease_expires");
        assertEquals(false, new Write(Verb.UPDATE, "tasks", Set.of("lease_expires")).changes("tasks", lease));
        assertEquals(true, new Write(Verb.UPDATE, "tasks", Set.of("lease_expires", "state")).changes("tasks", lease));
        assertEquals(true, new Write(Verb.UPDATE, "tasks", Set.of()).changes("tasks", lease)); // columns unknown
        assertEquals(true, new Write(Verb.DELETE, "tasks", Set.of()).changes("tasks", lease));
        assertEquals(false, new Write(Verb.UPDATE, "hosts", Set.of("ready")).changes("tasks", lease));
    }
}
