package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertParseRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineSupportTest {
    @ParameterizedTest
    @ValueSource(strings = {"RUN --mount=type=cache,target=/root/.cache make", "RUN --network=none make",
            "RUN --security=insecure make", "COPY --link a /b", "COPY --chmod=755 a /b", "ADD --chmod=644 a /b",
            "ADD --checksum=sha256:00 https://example.com/a /a", "ADD --keep-git-dir=true https://x/y.git /s",
            "HEALTHCHECK --start-interval=1s CMD true"})
    void check_buildKitFlags_refusedNamingLineAndFlag(String instruction) {
        String flag = instruction.split(" ")[1].split("=")[0];
        assertParseRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, "FROM a\n" + instruction + "\n", "line 2", flag,
                "BuildKit");
    }

    @Test
    void check_unknownFlag_refusedAsSyntax() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nUSER --foo=1 bob\n", "line 2", "--foo",
                "takes no flags");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM --plat=x a\n", "--plat", "--platform");
    }

    @Test
    void check_flagWithoutValueOrTwice_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nCOPY --from /x /y\n", "line 2", "needs a value");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nCOPY --chown=1 --chown=2 /x /y\n", "twice");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RUN <<EOF\necho hi\nEOF", "RUN cat <<-'END' > /x\nhi\nEND",
            "COPY <<EOF /etc/x.conf\na=1\nEOF", "RUN python3 <<\"PY\"\nprint(1)\nPY"})
    void check_heredoc_refusedAtItsLine(String instruction) {
        assertParseRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, "FROM a\n" + instruction + "\n", "line 2", "heredoc");
    }

    @Test
    void check_shiftInArithmetic_isNotAHeredoc() {
        assertEquals(2, Dockerfile.parse("FROM a\nRUN echo $((1<<4))\n").instructions().size());
    }

    @Test
    void check_syntaxDirective_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, "# syntax=docker/dockerfile:1.7\nFROM a\n", "line 1",
                "docker/dockerfile:1.7");
    }

    @Test
    void check_unknownInstruction_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_UNKNOWN_INSTRUCTION, "FROM a\nRUNN make\n", "line 2", "'RUNN'");
    }

    @Test
    void check_instructionWithoutArguments_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nWORKDIR\n", "line 2", "WORKDIR needs");
    }

    @Test
    void check_shellInShellForm_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nSHELL /bin/bash -c\n", "line 2", "JSON");
    }

    @Test
    void check_copyWithOneOperand_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nCOPY onlysource\n", "line 2", "destination");
    }

    @Test
    void check_copyFromVariable_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, "FROM a\nCOPY --from=$STAGE /x /y\n", "line 2",
                "$STAGE");
    }

    @Test
    void check_onbuild_checksTrigger() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nONBUILD FROM b\n", "line 2", "cannot trigger FROM");
        assertParseRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, "FROM a\nONBUILD RUN --mount=type=tmpfs x\n",
                "--mount");
        assertEquals("ONBUILD", Dockerfile.parse("FROM a\nONBUILD RUN make\n").instructions().get(1).keyword());
    }

    @Test
    void check_healthcheckNeedsCmdOrNone() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nHEALTHCHECK curl x\n", "line 2", "CMD or NONE");
        assertEquals(3, Dockerfile.parse("FROM a\nHEALTHCHECK --interval=5s CMD true\nHEALTHCHECK NONE\n")
                .instructions().size());
    }

    @Test
    void check_heredocBodyLines_areNotReportedFirst() {
        // The body line "unknown stuff" would be an unknown instruction; the heredoc on line 2 is reported.
        assertParseRefused(ErrorCode.DOCKERFILE_UNSUPPORTED, "FROM a\nRUN <<EOF\nunknown stuff\nEOF\n", "line 2");
    }
}
