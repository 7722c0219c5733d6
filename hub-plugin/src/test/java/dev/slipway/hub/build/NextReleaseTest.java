package dev.slipway.hub.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Koji's get_next_release rules. */
class NextReleaseTest {
    @Test
    void after_none_isOne() {
        assertEquals("1", NextRelease.after(null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 2", "9, 10", "1.fc40, 2.fc40", "12.el9, 13.el9", "1.2.3, 1.2.4", "0.1.9, 0.1.10"})
    void after_bumpsTheKojiWay(String latest, String next) {
        assertEquals(next, NextRelease.after(latest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.2.3.4", "a.b.c", "1.fc40.x"})
    void after_unbumpable_refusesWithStableCode(String latest) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> NextRelease.after(latest));
        assertEquals(ErrorCode.RELEASE_NOT_COMPUTABLE, e.code());
    }
}
