package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.persistence.TaskEntity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LeaseFenceTest {
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private static TaskEntity task(long epoch, Instant expires) {
        TaskEntity t = new TaskEntity();
        t.id = 42L;
        t.leaseEpoch = epoch;
        t.leaseExpires = expires;
        return t;
    }

    @Test
    void check_currentEpoch_passes() {
        assertDoesNotThrow(() -> LeaseFence.check(task(3, NOW.plusSeconds(10)), 3L));
    }

    @Test
    void check_olderEpoch_isRefusedWithTheStableCode() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> LeaseFence.check(task(3, NOW.plusSeconds(10)), 2L));
        assertEquals(ErrorCode.LEASE_EPOCH_STALE, e.code());
        assertEquals(10045, e.code().code());
        assertTrue(e.getMessage().contains("epoch 2 is stale"), e.getMessage());
    }

    @Test
    void check_newerEpochThanTheHubKnows_isRefusedToo() {
        assertEquals(ErrorCode.LEASE_EPOCH_STALE, assertThrows(SlipwayException.class,
                () -> LeaseFence.check(task(3, NOW.plusSeconds(10)), 4L)).code());
    }

    @Test
    void check_noEpochSent_isNotFenced() {
        assertDoesNotThrow(() -> LeaseFence.check(task(3, NOW.plusSeconds(10)), null));
    }

    @Test
    void checkUnexpired_leaseRanOutBeforeTheReaperFreedIt_isRefused() {
        assertEquals(ErrorCode.LEASE_EPOCH_STALE, assertThrows(SlipwayException.class,
                () -> LeaseFence.checkUnexpired(task(3, NOW.minusMillis(1)), NOW)).code());
        assertEquals(ErrorCode.LEASE_EPOCH_STALE, assertThrows(SlipwayException.class,
                () -> LeaseFence.checkUnexpired(task(3, null), NOW)).code());
        assertDoesNotThrow(() -> LeaseFence.checkUnexpired(task(3, NOW.plusMillis(1)), NOW));
    }
}
