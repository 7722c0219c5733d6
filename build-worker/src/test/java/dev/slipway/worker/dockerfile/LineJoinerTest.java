package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slipway.common.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineJoinerTest {
    private static List<LogicalLine> lines(String text) {
        return LineJoiner.join(text).lines();
    }

    @Test
    void join_continuation_joinsWithoutNewlineAndKeepsLeadingSpace() {
        List<LogicalLine> lines = lines("FROM a\nRUN echo one \\\n    two\n");
        assertEquals(2, lines.size());
        assertEquals("RUN echo one     two", lines.get(1).text());
        assertEquals(2, lines.get(1).line());
        assertEquals(3, lines.get(1).endLine());
        assertEquals("RUN echo one \\\n    two", lines.get(1).original());
    }

    @Test
    void join_commentsAndBlankLinesInsideContinuation_areSkipped() {
        List<LogicalLine> lines = lines("RUN a \\\n# a comment\n\n   # indented comment\n  b \\\n  c\nUSER x\n");
        assertEquals("RUN a   b   c", lines.get(0).text());
        assertEquals(6, lines.get(0).endLine());
        assertEquals(7, lines.get(1).line());
    }

    @Test
    void join_continuationWithTrailingSpaces_stillContinues() {
        assertEquals("RUN a b", lines("RUN a \\  \t\nb\n").get(0).text());
    }

    @Test
    void join_commentsAndBlankLines_areNotInstructions() {
        List<LogicalLine> lines = lines("# c\n\n   \nFROM a\n  # indented\nUSER b");
        assertEquals(2, lines.size());
        assertEquals(4, lines.get(0).line());
        assertEquals(6, lines.get(1).line());
    }

    @Test
    void join_crlf_stripsCarriageReturns() {
        List<LogicalLine> lines = lines("FROM a\r\nRUN b \\\r\n c\r\n");
        assertEquals("FROM a", lines.get(0).text());
        assertEquals("RUN b  c", lines.get(1).text());
    }

    @Test
    void join_byteOrderMark_isIgnored() {
        assertEquals("FROM a", lines("\uFEFFFROM a\n").get(0).text());
    }

    @Test
    void directives_escapeBacktick_changesContinuationCharacter() {
        LineJoiner.Joined joined = LineJoiner.join("# escape=`\nFROM a\nRUN dir c:\\ `\n  && echo\n");
        assertEquals('`', joined.directives().escape());
        assertEquals("RUN dir c:\\   && echo", joined.lines().get(1).text());
    }

    @Test
    void directives_afterAComment_areOrdinaryComments() {
        LineJoiner.Joined joined = LineJoiner.join("# hello\n# escape=`\nFROM a\n");
        assertEquals('\\', joined.directives().escape());
    }

    @Test
    void directives_afterABlankLine_areOrdinaryComments() {
        assertEquals('\\', LineJoiner.join("\n# escape=`\nFROM a\n").directives().escape());
    }

    @Test
    void directives_syntaxAndEscape_bothRead() {
        Directives d = LineJoiner.join("# syntax=docker/dockerfile:1\n#escape = `\nFROM a\n").directives();
        assertEquals("docker/dockerfile:1", d.syntax());
        assertEquals(1, d.syntaxLine());
        assertEquals('`', d.escape());
    }

    @Test
    void directives_none_defaultBackslash() {
        Directives d = LineJoiner.join("FROM a\n").directives();
        assertEquals('\\', d.escape());
        assertNull(d.syntax());
    }

    @Test
    void directives_escapeTwice_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> LineJoiner.join("# escape=`\n# escape=\\\nFROM a\n"),
                "line 2", "escape", "twice");
    }

    @Test
    void directives_badEscape_refused() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> LineJoiner.join("# escape=x\nFROM a\n"),
                "line 1", "invalid escape directive 'x'");
    }

    @Test
    void join_fileEndsInsideContinuation_refusedAtStartLine() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> LineJoiner.join("FROM a\nRUN b \\\n  c \\\n# end\n"),
                "line 2", "line continuation");
    }

    @Test
    void physicalLines_keepTerminators() {
        assertEquals(List.of("a\r\n", "b\n", "c"), LineJoiner.physicalLines("a\r\nb\nc"));
        assertEquals(List.of("a\n"), LineJoiner.physicalLines("a\n"));
    }

    @Test
    void join_escapedEscapeAtEnd_doesNotContinue() {
        List<LogicalLine> lines = lines("FROM a\nRUN echo a\\\\\nCMD b\n");
        assertEquals(3, lines.size());
        assertEquals("RUN echo a\\\\", lines.get(1).text());
    }

    @Test
    void join_escapedEscapeWithTrailingBlanks_doesNotContinue() {
        assertEquals(3, lines("FROM a\nRUN echo a \\\\ \t\nCMD b\n").size());
    }

    @Test
    void join_threeEscapesAtEnd_doesNotContinueEither() {
        // The builder's rule only looks at the character before the last escape.
        assertEquals(3, lines("FROM a\nRUN echo a\\\\\\\nCMD b\n").size());
    }

    @Test
    void join_escapedEscapeWithBacktick_doesNotContinue() {
        LineJoiner.Joined joined = LineJoiner.join("# escape=`\nFROM a\nRUN echo a``\nCMD b\n");
        assertEquals(3, joined.lines().size());
        assertEquals("RUN echo a``", joined.lines().get(1).text());
    }

    @Test
    void join_backslashWithBacktickEscape_isNoContinuation() {
        assertEquals(3, LineJoiner.join("# escape=`\nFROM a\nRUN dir c:\\\nCMD b\n").lines().size());
    }

    @Test
    void join_lineOfOnlyTheEscape_continues() {
        assertEquals("RUN a b", lines("RUN a \\\n\\\nb\n").get(0).text());
    }

    @Test
    void directives_afterLeadingWhitespace_areStillDirectives() {
        assertEquals('`', LineJoiner.join("   # escape=`\nFROM a\n").directives().escape());
    }

    @Test
    void join_fileEndsInsideContinuation_saysTheBuilderAcceptsIt() {
        assertRefused(ErrorCode.DOCKERFILE_SYNTAX, () -> LineJoiner.join("FROM a\nRUN b \\\n"),
                "the builder accepts this", "Slipway refuses it because");
    }
}
