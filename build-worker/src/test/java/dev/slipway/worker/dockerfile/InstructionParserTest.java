package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructionParserTest {
    private static Instruction parse(String text) {
        return new InstructionParser().parse(new LogicalLine(7, 7, text, text));
    }

    @Test
    void parse_lowerCaseKeyword_isUpperCased() {
        Instruction ins = parse("run  echo hi");
        assertEquals("RUN", ins.keyword());
        assertEquals("echo hi", ins.arguments().text());
        assertEquals(7, ins.line());
    }

    @Test
    void parse_flags_areReadInOrderWithRawValues() {
        Instruction ins = parse("COPY --from=build --chown=1000:0 /a /b");
        assertEquals(List.of(new Flag("from", "build"), new Flag("chown", "1000:0")), ins.flags());
        assertEquals(Optional.of("build"), ins.flag("from"));
        assertEquals("/a /b", ins.arguments().text());
    }

    @Test
    void parse_fromPlatformFlag_keepsVariableUnexpanded() {
        Instruction ins = parse("FROM --platform=$BUILDPLATFORM golang AS build");
        assertEquals(Optional.of("$BUILDPLATFORM"), ins.flag("platform"));
        assertEquals("golang AS build", ins.arguments().text());
    }

    @Test
    void parse_bareFlagAndQuotedFlag_areRead() {
        Instruction ins = parse("COPY --link --chown=\"a b\" x y");
        assertTrue(ins.hasFlag("link"));
        assertEquals(Optional.empty(), ins.flag("link"));
        assertEquals(Optional.of("a b"), ins.flag("chown"));
    }

    @Test
    void parse_doubleDash_endsFlags() {
        Instruction ins = parse("RUN -- --not-a-flag");
        assertTrue(ins.flags().isEmpty());
        assertEquals("--not-a-flag", ins.arguments().text());
    }

    @Test
    void parse_execForm_readsJsonStrings() {
        Instruction ins = parse("CMD [\"echo\", \"a \\\"b\\\"\", \"\\u00e9\\n\"]");
        assertTrue(ins.arguments().execForm());
        assertEquals(List.of("echo", "a \"b\"", "é\n"), ins.arguments().values());
    }

    @Test
    void parse_emptyJsonArray_isExecForm() {
        assertTrue(parse("CMD []").arguments().execForm());
    }

    @Test
    void parse_shellTestWithBracket_staysShellForm() {
        Instruction ins = parse("RUN [ -f /etc/os-release ] && echo yes");
        assertFalse(ins.arguments().execForm());
        assertEquals("[ -f /etc/os-release ] && echo yes", ins.arguments().text());
        assertFalse(parse("RUN [ \"$A\" = x ]").arguments().execForm());
    }

    @Test
    void parse_jsonOnlyForInstructionsThatAcceptIt() {
        assertFalse(parse("LABEL [\"x\"]").arguments().execForm());
        assertTrue(parse("VOLUME [\"/data\"]").arguments().execForm());
        assertTrue(parse("COPY [\"a b\", \"/c\"]").arguments().execForm());
    }

    @Test
    void parse_unterminatedJson_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("CMD [\"echo\", \"hi\""), "line 7", "CMD",
                "not terminated");
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("ENTRYPOINT [\"echo"), "not terminated");
    }

    @Test
    void parse_singleQuotedJson_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("CMD ['echo', 'hi']"), "line 7", "double quotes");
    }

    @Test
    void parse_jsonWithNonStrings_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("CMD [\"sleep\", 5]"), "not a double-quoted");
    }

    @Test
    void parse_textAfterJson_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("RUN [\"true\"] && echo lost"), "&& echo lost");
    }

    @Test
    void parse_missingComma_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("CMD [\"a\" \"b\"]"), "expected ','");
    }

    @Test
    void parse_nonStringJsonInShellTestLookalike_isTheBuildersError() {
        // [1, 2] is well-formed JSON: the builder refuses it rather than running it as a shell test.
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("RUN [1, 2]"), "strings only");
    }

    @Test
    void parse_malformedJsonNotStartingLikeStrings_isShellForm() {
        assertFalse(parse("CMD [01]").arguments().execForm());
        assertFalse(parse("CMD [{a: 1}]").arguments().execForm());
        assertFalse(parse("CMD {\"a\": 1}").arguments().execForm());
    }

    @Test
    void parse_textAfterJson_refusedSayingTheBuilderDropsIt() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("CMD [\"a\"]]"), "the builder accepts this",
                "silently drops", "Slipway refuses it because");
    }

    @Test
    void parse_unterminatedJson_refusedSayingTheBuilderTakesItAsShell() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> parse("CMD [1, "), "not terminated",
                "the builder accepts this", "Slipway refuses it because");
    }
}
