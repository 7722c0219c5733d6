package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertParseRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArgumentRulesTest {
    private static Instruction last(String instructions) {
        List<Instruction> all = Dockerfile.parse("FROM a\n" + instructions + "\n").instructions();
        return all.get(all.size() - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"WORKDIR", "USER", "STOPSIGNAL", "MAINTAINER"})
    void check_oneArgumentInstructionWithout_refused(String keyword) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + keyword + "\n", "line 2",
                keyword + " needs exactly one argument");
    }

    @Test
    void check_oneArgumentInstructions_takeTheWholeRestAsTheirArgument() {
        assertEquals("a b", last("USER a b").arguments().text());
        assertEquals("/a /b", last("WORKDIR /a /b").arguments().text());
        assertEquals("John Doe <j@example.com>", last("MAINTAINER John Doe <j@example.com>").arguments().text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPOSE", "ENV", "LABEL", "ARG", "ONBUILD", "HEALTHCHECK", "VOLUME", "VOLUME []",
            "SHELL", "SHELL []"})
    void check_atLeastOneArgumentInstructionWithout_refused(String text) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + text + "\n", "line 2", "needs at least one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"COPY", "COPY a", "COPY [\"a\"]", "COPY []", "ADD a", "ADD [\"a\"]"})
    void check_copyWithoutSourceAndDestination_refused(String text) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + text + "\n", "line 2", "at least two");
    }

    @ParameterizedTest
    @ValueSource(strings = {"VOLUME [\"\"]", "VOLUME [\"/a\", \" \"]"})
    void check_blankVolume_refused(String text) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + text + "\n", "empty string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"RUN", "CMD"})
    void check_runOrCmdWithoutCommand_refusedSayingTheBuilderAcceptsIt(String keyword) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + keyword + "\n", keyword + " has no command",
                "the builder accepts this", "Slipway refuses it because");
    }

    @Test
    void check_emptyEntrypointOrExecForm_acceptedAsTheBuilderDoes() {
        assertTrue(last("ENTRYPOINT").arguments().text().isEmpty());
        assertTrue(last("ENTRYPOINT []").arguments().execForm());
        assertTrue(last("CMD []").arguments().execForm());
    }

    @Test
    void check_shellNotInJson_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nSHELL sh -c\n", "JSON form");
        assertEquals(List.of("sh", "-c"), last("SHELL [\"sh\", \"-c\"]").arguments().values());
    }

    @Test
    void check_fromArity_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a AS\n", "one or three arguments");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a b c\n", "one or three arguments");
    }

    @Test
    void check_healthcheckNone_takesNoArgumentsAndNoFlags() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nHEALTHCHECK NONE x\n", "takes no arguments");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nHEALTHCHECK --interval=5s NONE\n",
                "the builder accepts this", "Slipway refuses it because");
        assertEquals("HEALTHCHECK", last("HEALTHCHECK none").keyword());
    }

    @ParameterizedTest
    @ValueSource(strings = {"HEALTHCHECK CMD", "HEALTHCHECK CMD []", "HEALTHCHECK cmd  "})
    void check_healthcheckCmdWithoutCommand_refused(String text) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + text + "\n", "Missing command");
    }

    @Test
    void check_healthcheckCommandJson_followsCmdsRules() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nHEALTHCHECK CMD [1]\n", "strings only");
        assertEquals("HEALTHCHECK", last("HEALTHCHECK CMD [1 -eq 1 ]").keyword()); // shell form, as in the builder
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nHEALTHCHECK CMD [1\n", "not terminated",
                "Slipway refuses it because");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--interval=0s", "--interval=500us", "--start-period=-1s", "--interval=1",
            "--timeout=abc", "--retries=0", "--retries=x", "--retries=99999999999"})
    void check_healthcheckBadFlagValues_refused(String flag) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nHEALTHCHECK " + flag + " CMD true\n", "line 2",
                flag.substring(2, flag.indexOf('=')));
    }

    @Test
    void check_healthcheckGoodFlags_accepted() {
        assertEquals(4, last("HEALTHCHECK --interval=1m30s --timeout=1.5s --start-period=2h --retries=3 CMD true")
                .flags().size());
        assertEquals(1, last("HEALTHCHECK --interval=1ms CMD true").flags().size());
    }

    @Test
    void check_emptyFlagValue_acceptedAsTheBuilderDoes() {
        assertTrue(last("COPY --from= a b").hasFlag("from"));
        assertTrue(last("COPY --from= a b").flag("from").isEmpty(), "an empty value means not given");
        assertTrue(last("COPY --chown= a b").flag("chown").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ARG --foo=1 a", "STOPSIGNAL --foo=1 TERM"})
    void check_flagsTheBuilderIgnores_refusedSayingSo(String text) {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\n" + text + "\n", "--foo=1",
                "the builder accepts this", "Slipway refuses it because");
    }

    @Test
    void check_flagNamesAreCaseSensitive() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nCOPY --FROM=x a b\n", "unknown flag --FROM");
    }

    @Test
    void check_onbuildChainingAndTriggers_refusedAsTheBuilderDoes() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nONBUILD ONBUILD RUN x\n", "Chaining ONBUILD");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nONBUILD MAINTAINER x\n", "MAINTAINER isn't allowed");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nONBUILD CMD [1]\n", "strings only");
    }

    @Test
    void check_onbuildTriggerTheBuilderChecksLater_refusedSayingSo() {
        assertParseRefused(ErrorCode.DOCKERFILE_UNKNOWN_INSTRUCTION, "FROM a\nONBUILD RUNN x\n", "RUNN",
                "the builder accepts this", "Slipway refuses it because");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nONBUILD COPY a\n", "at least two",
                "Slipway refuses it because");
    }

    @Test
    void check_envAndLabelForms_asTheBuilderSplitsThem() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nENV a\n", "has no value");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nENV a=b c\n", "'c' has no '='");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nLABEL =b\n", "can not be blank");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nARG =a\n", "can not be blank");
        assertEquals("b c", Dockerfile.parse("FROM a\nENV a b c\n").finalConfig().env().get("a"));
    }
}
