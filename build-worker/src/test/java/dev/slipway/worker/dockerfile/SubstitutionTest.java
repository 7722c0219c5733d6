package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private static final Map<String, String> VARS = Map.of("A", "alpha", "EMPTY", "", "V_2", "two");

    private static String expand(String word) {
        return new Substitution('\\', VARS::get, 3).value(word);
    }

    @Test
    void expand_plainAndBracedVariables() {
        assertEquals("alpha-two", expand("$A-${V_2}"));
        assertEquals("alpha_x", expand("${A}_x"));
        assertEquals("", expand("$UNSET"));
    }

    @Test
    void expand_defaultAndAlternative() {
        assertEquals("alpha", expand("${A:-d}"));
        assertEquals("d", expand("${UNSET:-d}"));
        assertEquals("d", expand("${EMPTY:-d}"));
        assertEquals("set", expand("${A:+set}"));
        assertEquals("", expand("${UNSET:+set}"));
        assertEquals("alpha", expand("${UNSET:-${A}}"));
        assertEquals("a b", expand("${UNSET:-a b}"));
    }

    @Test
    void expand_quotes_areRemoved() {
        assertEquals("a b alpha", expand("\"a b $A\""));
        assertEquals("a b $A", expand("'a b $A'"));
        assertEquals("x\"y", expand("\"x\\\"y\""));
        assertEquals("x\\ny", expand("\"x\\ny\""));
        assertEquals("$A", expand("\"\\$A\""));
    }

    @Test
    void expand_escapeOutsideQuotes_escapesAnyCharacter() {
        assertEquals("$A", expand("\\$A"));
        assertEquals("a b", expand("a\\ b"));
        assertEquals("ab", expand("ab\\"));
    }

    @Test
    void expand_dollarWithoutName_isLiteral() {
        assertEquals("cost $ 5", expand("cost $ 5"));
        assertEquals("x$", expand("x$"));
    }

    @Test
    void expand_backtickEscape_leavesBackslashLiteral() {
        Substitution sub = new Substitution('`', VARS::get, 1);
        assertEquals("C:\\path", sub.value("C:\\path"));
        assertEquals("$A", sub.value("`$A"));
        assertEquals("a\"b", sub.value("\"a`\"b\""));
    }

    @Test
    void expand_reportsWhetherVariablesWereUsed() {
        Substitution sub = new Substitution('\\', VARS::get, 1);
        assertFalse(sub.expand("\"plain text\"").usedVariables());
        assertFalse(sub.expand("\\$A").usedVariables());
        assertTrue(sub.expand("x$UNSET").usedVariables());
    }

    @Test
    void expand_malformed_refusedWithLine() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> expand("${A"), "line 3", "missing '}'");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> expand("${A:-x"), "missing '}'");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> expand("${}"), "bad substitution");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> expand("\"open"), "unterminated double quote");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> expand("'open"), "unterminated single quote");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> expand("${A-x}"), "missing ':'");
    }

    @Test
    void expand_buildKitOnlyModifiers_refusedAsUnsupported() {
        assertRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, () -> expand("${A:?required}"), "modifier '?'");
        assertRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, () -> expand("${A#al}"), "BuildKit");
        assertRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, () -> expand("${A%ha}"), "BuildKit");
    }
}
