package dev.slipway.hub.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code ?older-than=} bound (moved from RpmVersionTest when rpmvercmp moved to common). */
class EvrTest {
    @Test
    void evrBound_olderThan_usesRpmOrder() {
        Evr bound = Evr.parse("3.0.9-2");
        assertTrue(bound.isAbove(null, "3.0.9", "1.fc40"));
        assertTrue(bound.isAbove(null, "3.0.8", "9"));
        assertFalse(bound.isAbove(null, "3.0.9", "2"));
        assertFalse(bound.isAbove(1, "1.0", "1"));
        assertTrue(Evr.parse("1:1.0").isAbove(null, "99", "1"));
    }
}
