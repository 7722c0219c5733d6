package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.image.ImageReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class TagPlanTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T23:34:56Z"), ZoneId.of("Asia/Tokyo"));

    /** A generator that always draws the same value. */
    private static RandomGenerator always(int value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return value;
            }

            @Override
            public int nextInt(int bound) {
                return value;
            }
        };
    }

    @Test
    void unique_isTargetUtcStampAndSixHex() {
        TagPlan plan = TagPlan.of("f40-container-candidate", "1.0", "3", false, CLOCK.instant(), always(0xabcd));
        assertEquals("f40-container-candidate-20240501233456-00abcd", plan.unique());
    }

    @Test
    void unique_largestDraw_isStillSixHex() {
        TagPlan plan = TagPlan.of("t", "1", "1", false, CLOCK.instant(), always(0xffffff));
        assertEquals("t-20240501233456-ffffff", plan.unique());
    }

    @Test
    void unique_withRealRandom_matchesTheFormat() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            String tag = TagPlan.of("t", "1", "1", false, CLOCK.instant(), random).unique();
            assertTrue(tag.matches("t-20240501233456-[0-9a-f]{6}"), tag);
        }
    }

    @Test
    void unique_differsBetweenBuildsInTheSameSecond() {
        Random random = new Random(7);
        String a = TagPlan.of("t", "1", "1", false, CLOCK.instant(), random).unique();
        String b = TagPlan.of("t", "1", "1", false, CLOCK.instant(), random).unique();
        assertNotEquals(a, b);
    }

    @Test
    void unique_forLongestTarget_isAValidImageTag() {
        String target = "a".repeat(64);
        String unique = TagPlan.of(target, "1", "1", false, CLOCK.instant(), always(1)).unique();
        assertEquals(unique, ImageReference.parse("quay.io/x").withTag(unique).tag());
    }

    @Test
    void regular_pushesUniqueThenPrimaryThenFloating() {
        TagPlan plan = TagPlan.of("t", "1.0", "3.fc40", false, CLOCK.instant(), always(1));
        assertEquals(List.of("1.0-3.fc40"), plan.primary());
        assertEquals(List.of("1.0", "latest"), plan.floating());
        assertEquals(List.of("t-20240501233456-000001", "1.0-3.fc40", "1.0", "latest"), plan.all());
    }

    @Test
    void scratch_pushesOnlyTheUniqueTag() {
        TagPlan plan = TagPlan.of("t", "1.0", "3", true, CLOCK.instant(), always(1));
        assertTrue(plan.primary().isEmpty());
        assertTrue(plan.floating().isEmpty());
        assertEquals(List.of("t-20240501233456-000001"), plan.all());
    }

    @Test
    void isolated_pushesUniqueAndVersionRelease_neverVersionOrLatest() {
        TagPlan plan = TagPlan.of("t", "1.0", "3.1", false, true, CLOCK.instant(), always(1));
        assertEquals(List.of("1.0-3.1"), plan.primary());
        assertTrue(plan.floating().isEmpty());
        assertEquals(List.of("t-20240501233456-000001", "1.0-3.1"), plan.all());
        assertFalse(plan.all().contains("latest"));
        assertFalse(plan.all().contains("1.0"));
    }

    @Test
    void regularOverload_isNotIsolated() {
        assertEquals(TagPlan.of("t", "1.0", "3", false, CLOCK.instant(), always(1)),
                TagPlan.of("t", "1.0", "3", false, false, CLOCK.instant(), always(1)));
    }

    @Test
    void lists_cannotBeChangedAfterwards() {
        TagPlan plan = TagPlan.of("t", "1.0", "3", false, CLOCK.instant(), always(1));
        assertThrows(UnsupportedOperationException.class, () -> plan.primary().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> plan.floating().add("x"));
    }
}
