package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertParseRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StageConfigTest {
    private static StageConfig config(String dockerfile) {
        return Dockerfile.parse(dockerfile).finalConfig();
    }

    @Test
    void env_bothForms_withQuotesAndEscapes() {
        StageConfig config = config("""
                FROM a
                ENV OLD value with  spaces
                ENV A=1 B="two words" C='single $A' D=es\\ caped E="q\\"uote"
                """);
        assertEquals(Map.of("OLD", "value with  spaces", "A", "1", "B", "two words", "C", "single $A",
                "D", "es caped", "E", "q\"uote"), config.env());
    }

    @Test
    void env_pairsOnOneLine_seeValuesFromBeforeTheLine() {
        StageConfig config = config("FROM a\nENV A=old\nENV A=new B=$A\nENV C=$A\n");
        assertEquals("old", config.env().get("B"));
        assertEquals("new", config.env().get("C"));
    }

    @Test
    void labels_severalPerLine_withQuotesAndSubstitution() {
        StageConfig config = config("""
                FROM a
                ENV VERSION=1.2
                LABEL "com.redhat.component"="foo-container" name=fedora/foo \\
                      version=$VERSION description="a \\"quoted\\" ${MISSING:-default}"
                LABEL summary single old-style value
                """);
        assertEquals(Map.of("com.redhat.component", "foo-container", "name", "fedora/foo", "version", "1.2",
                "description", "a \"quoted\" default", "summary", "single old-style value"), config.labels());
    }

    @Test
    void labels_explicitOnlyWhenWrittenLiterally() {
        StageConfig config = config("""
                FROM a
                ARG NAME=fedora/foo
                ENV V=1
                LABEL name=$NAME version=${V} com.redhat.component=foo literal="\\$NOT_A_VAR"
                """);
        assertEquals(Set.of("com.redhat.component", "literal"), config.explicitLabels());
        assertEquals("$NOT_A_VAR", config.labels().get("literal"));
        assertEquals("fedora/foo", config.labels().get("name"));
        assertFalse(config.label("name").orElseThrow().explicit());
        assertEquals(4, config.label("version").orElseThrow().line());
    }

    @Test
    void labels_overwrittenLater_takeLastValueAndItsOrigin() {
        StageConfig config = config("FROM a\nARG X=1\nLABEL version=$X\nLABEL version=2\n");
        assertEquals("2", config.labels().get("version"));
        assertTrue(config.label("version").orElseThrow().explicit());
        assertEquals(4, config.label("version").orElseThrow().line());
    }

    @Test
    void args_envWinsOverArg() {
        StageConfig config = config("FROM a\nENV X=env\nARG X=arg\nLABEL x=$X\n");
        assertEquals("env", config.labels().get("x"));
    }

    @Test
    void args_globalArgNotVisibleInStageUntilRedeclared() {
        StageConfig config = config("ARG V=7\nFROM a\nLABEL before=\"[$V]\"\nARG V\nLABEL after=\"[$V]\"\n");
        assertEquals("[]", config.labels().get("before"));
        assertEquals("[7]", config.labels().get("after"));
    }

    @Test
    void args_buildArgOverridesDefault_onlyWhenDeclared() {
        Dockerfile df = Dockerfile.parse("FROM a\nLABEL early=\"$V\"\nARG V=default\nLABEL late=$V\n",
                Map.of("V", "given"));
        assertEquals(Map.of("early", "", "late", "given"), df.finalConfig().labels());
    }

    @Test
    void args_doNotCrossStages() {
        StageConfig config = config("FROM a AS one\nARG X=1\nFROM one\nLABEL x=\"[$X]\"\n");
        assertEquals("[]", config.labels().get("x"));
    }

    @Test
    void stageFromEarlierStage_inheritsEnvAndLabels() {
        StageConfig config = config("""
                FROM a AS base
                ENV HOME=/srv
                LABEL com.redhat.component=foo name=x/y
                FROM base
                LABEL name=x/z dir=$HOME
                """);
        assertEquals(Map.of("HOME", "/srv"), config.env());
        assertEquals(Map.of("com.redhat.component", "foo", "name", "x/z", "dir", "/srv"), config.labels());
        assertTrue(config.explicitLabels().contains("com.redhat.component"));
    }

    @Test
    void stageFromExternalImage_inheritsNothingFromEarlierStages() {
        StageConfig config = config("FROM a AS base\nLABEL x=1\nFROM b\n");
        assertTrue(config.labels().isEmpty());
    }

    @Test
    void labels_unterminatedQuote_refusedAtParse() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nLABEL a=\"open\n", "line 2",
                "unterminated double quote");
    }

    @Test
    void labels_keyExpandingToEmpty_refused() {
        assertParseRefused(ErrorCode.DOCKERFILE_SYNTAX, "FROM a\nLABEL $NOPE=x\n", "line 2", "empty name");
    }
}
