package dev.slipway.hub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tables a transaction wrote, read from the SQL Hibernate prepares (the forms Hibernate 6 writes). */
class WrittenTablesTest {
    private final WrittenTables inspector = new WrittenTables();

    @Test
    void collectsEveryWrittenTable_notTheReadOnes() {
        Set<String> outer = inspector.begin();
        inspector.inspect("select t1_0.id,t1_0.last_update from tasks t1_0 where t1_0.id=?");
        inspector.inspect("update tasks set state=?,completed=? where id=? and state in (?,?)");
        inspector.inspect("insert into builds (created,name,id) values (?,?,?)");
        inspector.inspect("delete from koji_sessions where expires < ?");
        inspector.inspect("  UPDATE \"hosts\" set ready=? where id=?");
        inspector.inspect("with x as (select 1) update images set x=1");
        assertEquals(Set.of("tasks", "builds", "koji_sessions", "hosts", "images"), inspector.end(outer));
    }

    @Test
    void nestedTransactions_collectTheirOwn_andTheOuterResumes() {
        Set<String> outer = inspector.begin();
        inspector.inspect("update tasks set priority=? where id=?");
        Set<String> inner = inspector.begin();
        inspector.inspect("insert into task_log (task_id,line) values (?,?)");
        assertEquals(Set.of("task_log"), inspector.end(inner));
        inspector.inspect("update hosts set ready=? where id=?");
        assertEquals(Set.of("tasks", "hosts"), inspector.end(outer));
    }

    @Test
    void outsideATransaction_nothingIsCollected() {
        inspector.inspect("update tasks set priority=? where id=?");
        assertEquals(Set.of(), inspector.end(null));
    }
}
