package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertParseRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileTest {
    private static final String MULTI = """
            ARG BASE=registry.example.com/fedora
            ARG TAG
            FROM --platform=linux/amd64 ${BASE}:${TAG:-40} AS Build
            RUN make
            FROM scratch AS files
            COPY --from=build /out /out
            FROM build AS test
            RUN make test
            FROM registry.example.com/ubi9:latest
            COPY --from=1 /out /app
            COPY --from=0 /out /app2
            COPY --from=registry.example.com/tools:1 /bin/tool /bin/tool
            """;

    @Test
    void parse_multiStage_resolvesStages() {
        Dockerfile df = Dockerfile.parse(MULTI);
        assertEquals(4, df.stages().size());
        Stage build = df.stages().get(0);
        assertEquals("build", build.alias());
        assertEquals("registry.example.com/fedora:40", build.baseImage());
        assertEquals("linux/amd64", build.platform());
        assertTrue(build.externalBase());
        Stage files = df.stages().get(1);
        assertTrue(files.scratch());
        assertFalse(files.externalBase());
        Stage test = df.stages().get(2);
        assertTrue(test.fromStage());
        assertEquals(0, test.baseStage());
        assertEquals(List.of("RUN"), test.instructions().stream().map(Instruction::keyword).toList());
        Stage last = df.finalStage();
        assertEquals(3, last.index());
        assertNull(last.alias());
        assertEquals(Optional.empty(), last.aliasOpt());
    }

    @Test
    void parents_areExternalBasesOnlyInOrder() {
        assertEquals(List.of("registry.example.com/fedora:40", "registry.example.com/ubi9:latest"),
                Dockerfile.parse(MULTI).parents());
    }

    @Test
    void parents_sameImageTwice_listedOnce() {
        assertEquals(List.of("fedora:40"), Dockerfile.parse("FROM fedora:40 AS a\nFROM fedora:40\n").parents());
    }

    @Test
    void globalArgs_keepDefaultsAndEmptyForNone() {
        assertEquals(Map.of("BASE", "registry.example.com/fedora", "TAG", ""), Dockerfile.parse(MULTI).globalArgs());
    }

    @Test
    void parse_buildArgs_overrideGlobalDefaults() {
        Dockerfile df = Dockerfile.parse(MULTI, Map.of("TAG", "41"));
        assertEquals("registry.example.com/fedora:41", df.stages().get(0).baseImage());
    }

    @Test
    void parse_globalArgReferencingEarlierOne_isExpanded() {
        Dockerfile df = Dockerfile.parse("ARG REG=quay.io\nARG IMG=$REG/app\nFROM ${IMG}:1\n");
        assertEquals(List.of("quay.io/app:1"), df.parents());
    }

    @Test
    void stage_lookupByNameCaseInsensitiveOrIndex() {
        Dockerfile df = Dockerfile.parse(MULTI);
        assertEquals(0, df.stage("BUILD").orElseThrow().index());
        assertEquals(2, df.stage("2").orElseThrow().index());
        assertEquals(Optional.empty(), df.stage("9"));
        assertEquals(Optional.empty(), df.stage("nope"));
    }

    @Test
    void instructions_keepLinesFlagsAndOriginalText() {
        Dockerfile df = Dockerfile.parse("FROM a\n\nRUN echo \\\n  hi\nCOPY --chown=1:1 x /y\n");
        Instruction run = df.instructions().get(1);
        assertEquals(3, run.line());
        assertEquals(4, run.endLine());
        assertEquals("RUN echo \\\n  hi", run.original());
        assertEquals(List.of(new Flag("chown", "1:1")), df.instructions().get(2).flags());
    }

    @Test
    void parse_fromWithUnsetArg_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_BASE_IMAGE, "ARG BASE\nFROM $BASE\n", "line 2",
                "empty image name");
    }

    @Test
    void parse_fromInvalidReference_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_BASE_IMAGE, "FROM Fedora:40\n", "line 1", "'Fedora:40'");
    }

    @Test
    void parse_fromWrongWordCount_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a AS\n", "line 1", "AS <name>");
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a b c\n", "line 1");
    }

    @Test
    void parse_badStageName_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_STAGE, "FROM a AS 1st\n", "line 1", "'1st'");
    }

    @Test
    void parse_duplicateStageName_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_STAGE, "FROM a AS x\nFROM b AS X\n", "line 2", "line 1");
    }

    @Test
    void parse_copyFromOwnIndex_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_STAGE, "FROM a\nFROM b\nCOPY --from=1 /x /y\n", "line 3",
                "its own stage");
    }

    @Test
    void parse_copyFromLaterIndex_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_STAGE, "FROM a\nCOPY --from=3 /x /y\nFROM b\n", "line 2",
                "--from=3");
    }

    @Test
    void parse_copyFromLaterStageName_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_STAGE, "FROM a\nCOPY --from=later /x /y\nFROM b AS later\n",
                "line 2", "line 3");
    }

    @Test
    void parse_copyFromNeitherStageNorImage_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BAD_STAGE, "FROM a AS x\nFROM b\nCOPY --from=No_Such /x /y\n",
                "line 3", "No_Such");
    }

    @Test
    void parse_noFrom_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_NO_FROM, "ARG A=1\n", "no FROM");
    }

    @Test
    void parse_instructionBeforeFrom_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_BEFORE_FROM, "ARG A=1\nENV B=2\nFROM a\n", "line 2", "ENV");
    }

    @Test
    void parse_emptyOrCommentsOnly_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_EMPTY, "", "no instructions");
        assertParseRefused(ErrorCode.DOCKERFILE_EMPTY, "# nothing\n\n   \n", "no instructions");
    }

    @Test
    void parse_fromStageNameIsCaseInsensitive() {
        Dockerfile df = Dockerfile.parse("FROM a AS Base\nFROM BASE\n");
        assertTrue(df.finalStage().fromStage());
        assertEquals(List.of("a"), df.parents());
    }

    @Test
    void parse_escapeDirective_appliesToContinuationsAndValues() {
        Dockerfile df = Dockerfile.parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "LABEL path=\"C:\\tools\" `\n      quote=\"a`\"b\"\n");
        assertEquals('`', df.escape());
        assertEquals(Map.of("path", "C:\\tools", "quote", "a\"b"), df.finalConfig().labels());
    }
}
