package dev.slipway.worker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {
    @Test
    void nanos_goFormats_read() {
        assertEquals(90_000_000_000L, GoDuration.nanos("1m30s"));
        assertEquals(1_500_000_000L, GoDuration.nanos("1.5s"));
        assertEquals(500_000L, GoDuration.nanos("500us"));
        assertEquals(500_000L, GoDuration.nanos("500\u00b5s"));
        assertEquals(7_200_000_000_000L, GoDuration.nanos("2h"));
        assertEquals(-1_000_000_000L, GoDuration.nanos("-1s"));
        assertEquals(0, GoDuration.nanos("0"));
        assertEquals(500_000_000L, GoDuration.nanos(".5s"));
        assertEquals(1_000_000_000L, GoDuration.nanos("1.s"));
    }

    @Test
    void nanos_missingUnit_saysSoAsGoDoes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GoDuration.nanos("1"));
        assertTrue(e.getMessage().contains("missing unit"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "s", ".s", "1x", "-", "1d", "3000000h", "1s2", "\u0661s"})
    void nanos_notADuration_refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> GoDuration.nanos(text));
    }
}
