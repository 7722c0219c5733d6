package dev.slipway.hub.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseTest {
    @Test
    void unavailable_poolTimeoutOrConnectionOrShutdownState_isTheDatabaseBeingAway() {
        assertTrue(Database.unavailable(new RuntimeException(new SQLTransientConnectionException("pool timeout"))));
        assertTrue(Database.unavailable(new SQLException("refused", "08001")));
        assertTrue(Database.unavailable(new RuntimeException(new SQLException("admin shutdown", "57P01"))));
    }

    @Test
    void unavailable_aWrongStatement_isNot() {
        assertFalse(Database.unavailable(new SQLException("syntax error", "42601")));
        assertFalse(Database.unavailable(new SQLException("unique violation", "23505")));
        assertFalse(Database.unavailable(new IllegalStateException("no cause")));
    }
}
