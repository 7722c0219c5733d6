package dev.slipway.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cases below are Koji's own get_next_release rules (kojihub, and its unit tests' examples); merged from the
 * worker's and the hub's former copies. The one decided drift: an unbumpable release is RELEASE_NOT_COMPUTABLE.
 */
class NextReleaseTest {
    private static SlipwayException cannotBump(String release) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> NextRelease.after(release), release);
        assertEquals(ErrorCode.RELEASE_NOT_COMPUTABLE, e.code());
        assertTrue(e.getMessage().contains("'" + release + "'"), e.getMessage());
        return e;
    }

    @Test
    void after_none_isOne() {
        assertEquals("1", NextRelease.after(null));
        assertEquals("1", NextRelease.after(""));
    }

    @Test
    void after_number_addsOne() {
        for (int n : new int[] {0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 99}) {
            assertEquals(String.valueOf(n + 1), NextRelease.after(String.valueOf(n)));
        }
    }

    @Test
    void after_numberWithLeadingZeros_dropsThemLikeKojiInt() {
        assertEquals("8", NextRelease.after("007"));
    }

    @Test
    void after_hugeNumber_doesNotOverflow() {
        assertEquals("100000000000000000000", NextRelease.after("99999999999999999999"));
    }

    @Test
    void after_numberDotDist_bumpsTheNumber() {
        assertEquals("6.fc40", NextRelease.after("5.fc40"));
        assertEquals("2.el6", NextRelease.after("1.el6"));
        assertEquals("46.fc23", NextRelease.after("45.fc23"));
        assertEquals("11.el9_4", NextRelease.after("10.el9_4"));
        assertEquals("3.1", NextRelease.after("2.1"));
    }

    @Test
    void after_threeParts_bumpsTheLastNumber() {
        assertEquals("1.2.4", NextRelease.after("1.2.3"));
        assertEquals("20211105.nightly.8", NextRelease.after("20211105.nightly.7"));
        assertEquals("5.fc40.2", NextRelease.after("5.fc40.1"));
        assertEquals("a.b.10", NextRelease.after("a.b.9"));
    }

    @Test
    void after_whatKojiCannotBump_refused() {
        for (String bad : new String[] {"foo", "foo.bar", "a.b.c.d", "a..b..c", "1.2.fc23", "1.2.3.4", "x.5",
            "5.el9.x", "1_2", "fc40"}) {
            cannotBump(bad);
        }
    }

    @Test
    void after_refusal_tellsHowToGoOn() {
        SlipwayException e = cannotBump("1.2.fc23");
        assertTrue(e.getMessage().contains("--release"), e.getMessage());
    }

    @Test
    void afterAll_empty_isOne() {
        assertEquals("1", NextRelease.afterAll(List.of()));
    }

    @Test
    void afterAll_comparesNumbersNotText() {
        assertEquals("11", NextRelease.afterAll(Set.of("9", "10", "2")));
        assertEquals("11.fc40", NextRelease.afterAll(List.of("9.fc40", "10.fc40")));
        assertEquals("20211105.nightly.11", NextRelease.afterAll(List.of("20211105.nightly.9",
                "20211105.nightly.10")));
    }

    @Test
    void afterAll_orderOfInputDoesNotMatter() {
        assertEquals("4.fc40", NextRelease.afterAll(List.of("3.fc40", "1", "2")));
        assertEquals("4.fc40", NextRelease.afterAll(List.of("2", "1", "3.fc40")));
    }

    @Test
    void afterAll_distSuffixRanksAboveBareNumber() {
        assertEquals("6.fc40", NextRelease.afterAll(List.of("5", "5.fc40")));
    }

    @Test
    void afterAll_strayTextTag_isOutranked() {
        assertEquals("4", NextRelease.afterAll(List.of("rc", "3")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1, 2", "9, 10", "1.fc40, 2.fc40", "12.el9, 13.el9", "1.2.3, 1.2.4", "0.1.9, 0.1.10"})
    void after_bumpsTheKojiWay(String latest, String next) {
        assertEquals(next, NextRelease.after(latest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.2.3.4", "a.b.c", "1.fc40.x"})
    void after_unbumpable_refusesWithStableCode(String latest) {
        cannotBump(latest);
    }

    @Test
    void after_numberBeyondLong_doesNotOverflowInAnyPosition() {
        assertEquals("9223372036854775808.fc40", NextRelease.after("9223372036854775807.fc40"));
        assertEquals("a.b.18446744073709551616", NextRelease.after("a.b.18446744073709551615"));
    }
}
