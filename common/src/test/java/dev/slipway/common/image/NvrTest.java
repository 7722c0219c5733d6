package dev.slipway.common.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import org.junit.jupiter.api.Test;

class NvrTest {
    private static InvalidValueException refused(String text) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Nvr.parse(text));
        assertEquals(ErrorCode.INVALID_NVR, e.code());
        return e;
    }

    @Test
    void parse_simple_splitsThreeParts() {
        Nvr nvr = Nvr.parse("httpd-2.4-3");
        assertEquals("httpd", nvr.name());
        assertEquals("2.4", nvr.version());
        assertEquals("3", nvr.release());
    }

    @Test
    void parse_dashesInName_splitFromTheRight() {
        Nvr nvr = Nvr.parse("fedora-toolbox-container-40-1.fc40");
        assertEquals("fedora-toolbox-container", nvr.name());
        assertEquals("40", nvr.version());
        assertEquals("1.fc40", nvr.release());
    }

    @Test
    void toString_roundTrips() {
        for (String text : new String[] {"a-1-1", "my-app-1.0.0-12.el9_3", "x_y+z-2~rc1-0"}) {
            Nvr nvr = Nvr.parse(text);
            assertEquals(text, nvr.toString());
            assertEquals(nvr, Nvr.parse(nvr.toString()));
        }
    }

    @Test
    void versionRelease_isThePrimaryTag() {
        assertEquals("1.0-3.fc40", Nvr.parse("app-1.0-3.fc40").versionRelease());
    }

    @Test
    void release_followsOsbsRule() {
        for (String good : new String[] {"1", "10", "1.fc40", "3.el9_4", "2_1", "20240101.nightly.7", "1a"}) {
            assertEquals(good, new Nvr("app", "1", good).release());
        }
        for (String bad : new String[] {"fc40", "1..2", "1.", ".1", "1-2", "1 2", "", "1._x"}) {
            InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Nvr("app", "1", bad),
                    bad);
            assertEquals(ErrorCode.INVALID_NVR, e.code());
            assertTrue(e.getMessage().contains("app-1-" + bad), e.getMessage());
            assertTrue(e.getMessage().contains(Nvr.RELEASE.pattern()), e.getMessage());
        }
    }

    @Test
    void parse_badRelease_refusedNamingInput() {
        InvalidValueException e = refused("app-1.0-fc40");
        assertTrue(e.getMessage().contains("'app-1.0-fc40'"), e.getMessage());
        assertEquals("app-1.0-fc40", e.input());
    }

    @Test
    void version_withDash_isImpossible() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Nvr("app", "1-0", "1"));
        assertEquals(ErrorCode.INVALID_NVR, e.code());
        assertTrue(e.getMessage().contains("may not contain '-'"), e.getMessage());
        // Parsing never produces such a version: the extra dash moves into the name.
        assertEquals("app-1", Nvr.parse("app-1-0-1").name());
    }

    @Test
    void parse_tooFewParts_refused() {
        InvalidValueException e = refused("app-1.0");
        assertTrue(e.getMessage().contains("expected name-version-release"), e.getMessage());
        refused("app");
        refused("-1.0-1");
        refused("");
    }

    @Test
    void parse_emptyParts_refused() {
        refused("app--1");
        refused("app-1.0-");
    }

    @Test
    void name_mustStartWithAlphanumeric() {
        refused(".app-1-1");
        refused("a pp-1-1");
    }

    @Test
    void parse_null_refused() {
        assertTrue(refused(null).getMessage().contains("no NVR given"));
    }
}
