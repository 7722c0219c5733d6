package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileRewriterTest {
    private static final String DIGEST = "sha256:" + "a".repeat(64);
    private static final String PIN = "registry.example.com/fedora@" + DIGEST;
    private static final String LABELS = "LABEL com.redhat.component=foo name=fedora/foo version=1.0\n";

    private static FinalDockerfile rewrite(String text, Map<String, String> pins, Map<String, String> labels) {
        Dockerfile df = Dockerfile.parse(text);
        return DockerfileRewriter.rewrite(df, pins, ImageLabels.of(df).withRelease("3"), labels);
    }

    @Test
    void rewrite_singleStage_pinsFromAndAppendsCopyThenOneLabelLine() {
        FinalDockerfile out = rewrite("FROM fedora:40\n" + LABELS + "RUN make\n",
                Map.of("fedora:40", PIN), Map.of("vendor", "Slipway", "release", "3"));
        assertEquals("FROM " + PIN + "\n" + LABELS + "RUN make\n"
                + "COPY Dockerfile-fedora-foo-1.0-3 /root/buildinfo/Dockerfile-fedora-foo-1.0-3\n"
                + "LABEL \"release\"=\"3\" \"vendor\"=\"Slipway\"\n", out.text());
        assertEquals("Dockerfile-fedora-foo-1.0-3", out.buildInfoFileName());
        assertEquals("/root/buildinfo/Dockerfile-fedora-foo-1.0-3", out.buildInfoPath());
    }

    @Test
    void rewrite_theEngineRunsAllButTheLastTwoInstructions_whichTheWorkerApplies() {
        FinalDockerfile out = rewrite("FROM fedora:40\n" + LABELS + "RUN make", Map.of("fedora:40", PIN),
                Map.of("vendor", "Slip \"way\"", "release", "3"));
        assertEquals("FROM " + PIN + "\n" + LABELS + "RUN make\n", out.engineText());
        assertEquals("LABEL \"release\"=\"3\" \"vendor\"=\"Slip \\\"way\\\"\"", out.labelInstruction());
        assertEquals(out.engineText() + "COPY Dockerfile-fedora-foo-1.0-3 /root/buildinfo/Dockerfile-fedora-foo-1.0-3\n"
                + out.labelInstruction() + "\n", out.text());
        assertEquals(Map.of("vendor", "Slip \"way\"", "release", "3"), out.labels());
    }

    @Test
    void rewrite_cmdAndEntrypointEndingTheFinalStage_areLeftToTheWorker() {
        String tail = "CMD [\"/bin/app\", \"--serve\"]\n# the entry point\nENTRYPOINT /usr/bin/tini \\\n  --\n";
        FinalDockerfile out = rewrite("FROM fedora:40\n" + LABELS + "RUN make\n" + tail, Map.of("fedora:40", PIN),
                Map.of("a", "b"));
        assertEquals("FROM " + PIN + "\n" + LABELS + "RUN make\n", out.engineText());
        assertEquals(out.engineText() + tail + "COPY Dockerfile-fedora-foo-1.0-3 /root/buildinfo/Dockerfile-fedora-foo-1.0-3\n"
                + "LABEL \"a\"=\"b\"\n", out.text());
        assertEquals(List.of("CMD", "ENTRYPOINT"), out.deferred().stream().map(Instruction::keyword).toList());
        assertEquals(List.of("/bin/app", "--serve"), out.deferred().get(0).arguments().values());
        assertEquals(false, out.cmdBeforeDeferred());
    }

    @Test
    void rewrite_onlyTheTrailingRunOfCmdAndEntrypoint_isDeferred_andAnEarlierCmdIsNoted() {
        FinalDockerfile out = rewrite("FROM fedora:40\n" + LABELS + "CMD a\nRUN make\nENTRYPOINT [\"b\"]\n",
                Map.of("fedora:40", PIN), Map.of("a", "b"));
        assertEquals("FROM " + PIN + "\n" + LABELS + "CMD a\nRUN make\n", out.engineText());
        assertEquals(List.of("ENTRYPOINT"), out.deferred().stream().map(Instruction::keyword).toList());
        assertTrue(out.cmdBeforeDeferred());
    }

    @Test
    void rewrite_earlierStagesCmd_andAStageEndingInRun_deferNothing() {
        FinalDockerfile out = rewrite("FROM fedora:40 AS b\nCMD x\nFROM b\n" + LABELS + "RUN make\n",
                Map.of("fedora:40", PIN), Map.of("a", "b"));
        assertTrue(out.deferred().isEmpty());
        assertEquals(false, out.cmdBeforeDeferred());
        assertTrue(out.text().startsWith(out.engineText() + "COPY "), out.text());
    }

    @Test
    void rewrite_aFinalStageOfOnlyCmd_isLeftToTheEngine() {
        FinalDockerfile out = rewrite("FROM fedora:40 AS base\n" + LABELS + "FROM base\nCMD [\"x\"]\n",
                Map.of("fedora:40", PIN), Map.of("a", "b"));
        assertTrue(out.deferred().isEmpty());
        assertEquals("FROM " + PIN + " AS base\n" + LABELS + "FROM base\nCMD [\"x\"]\n", out.engineText());
    }

    @Test
    void rewrite_withYumRepos_theRepoFilesRemovalEndsTheStage_soNothingIsDeferred() {
        Dockerfile df = Dockerfile.parse("FROM fedora:40\n" + LABELS + "CMD [\"x\"]\n");
        FinalDockerfile out = DockerfileRewriter.rewrite(df, Map.of("fedora:40", PIN),
                ImageLabels.of(df).withRelease("3"), Map.of("a", "b"), "repos", List.of("a.repo"));
        assertTrue(out.deferred().isEmpty());
        assertTrue(out.engineText().contains("CMD [\"x\"]\nRUN rm -f /etc/yum.repos.d/a.repo\n"), out.engineText());
    }

    @Test
    void rewrite_keepsPlatformAliasAndOtherLinesByteIdentical() {
        String text = "# build it\r\nARG BASE=fedora:40\r\n  FROM --platform=$BUILDPLATFORM ${BASE} as builder\r\n"
                + "RUN echo \\\r\n   hi   \r\nFROM builder\r\n" + LABELS.replace("\n", "\r\n");
        FinalDockerfile out = rewrite(text, Map.of("fedora:40", PIN), Map.of("a", "b"));
        assertEquals("# build it\r\nARG BASE=fedora:40\r\n  FROM --platform=$BUILDPLATFORM " + PIN + " as builder\r\n"
                + "RUN echo \\\r\n   hi   \r\nFROM builder\r\n" + LABELS.replace("\n", "\r\n")
                + "COPY Dockerfile-fedora-foo-1.0-3 /root/buildinfo/Dockerfile-fedora-foo-1.0-3\r\n"
                + "LABEL \"a\"=\"b\"\r\n", out.text());
    }

    @Test
    void rewrite_continuedFromLine_becomesOneLine() {
        FinalDockerfile out = rewrite("FROM \\\n  fedora:40 \\\n  AS x\n" + LABELS, Map.of("fedora:40", PIN),
                Map.of("a", "b"));
        assertTrue(out.text().startsWith("FROM " + PIN + " AS x\n" + LABELS), out.text());
    }

    @Test
    void rewrite_withYumRepos_copiesThemAfterEveryFromAndRemovesThemAtTheEndAsRoot() {
        String text = "FROM fedora:40 AS build\nRUN dnf -y install gcc\nFROM scratch AS files\nCOPY a /a\n"
                + "FROM fedora:40\n" + LABELS + "USER 1001\nRUN dnf -y install foo\n";
        Dockerfile dockerfile = Dockerfile.parse(text);
        FinalDockerfile out = DockerfileRewriter.rewrite(dockerfile, Map.of("fedora:40", PIN),
                ImageLabels.of(dockerfile).withRelease("3"), Map.of("a", "b"), ".repos", List.of("x.repo", "y.repo"));
        String copy = "COPY .repos/x.repo .repos/y.repo /etc/yum.repos.d/\n";
        assertEquals("FROM " + PIN + " AS build\n" + copy + "RUN dnf -y install gcc\nFROM scratch AS files\n"
                + "COPY a /a\nFROM " + PIN + "\n" + copy + LABELS + "USER 1001\nRUN dnf -y install foo\n"
                + "USER root\nRUN rm -f /etc/yum.repos.d/x.repo /etc/yum.repos.d/y.repo\nUSER 1001\n"
                + "COPY Dockerfile-fedora-foo-1.0-3 /root/buildinfo/Dockerfile-fedora-foo-1.0-3\n"
                + "LABEL \"a\"=\"b\"\n", out.text());
    }

    @Test
    void rewrite_withYumRepos_andNoUser_removesWithoutSwitchingUser() {
        String text = "FROM fedora:40\n" + LABELS;
        Dockerfile dockerfile = Dockerfile.parse(text);
        FinalDockerfile out = DockerfileRewriter.rewrite(dockerfile, Map.of("fedora:40", PIN),
                ImageLabels.of(dockerfile).withRelease("3"), Map.of("a", "b"), ".repos", List.of("x.repo"));
        assertTrue(out.text().contains(LABELS + "RUN rm -f /etc/yum.repos.d/x.repo\nCOPY Dockerfile"), out.text());
        assertTrue(!out.text().contains("USER"), out.text());
    }

    @Test
    void rewrite_scratchAndStageBases_areLeftAlone() {
        String text = "FROM scratch AS files\nCOPY a /a\nFROM files\n" + LABELS;
        FinalDockerfile out = rewrite(text, Map.of(), Map.of("a", "b"));
        assertTrue(out.text().startsWith(text), out.text());
    }

    @Test
    void rewrite_noTrailingNewline_addsOneBeforeAppending() {
        FinalDockerfile out = rewrite("FROM scratch\n" + LABELS.strip(), Map.of(), Map.of("a", "b"));
        assertTrue(out.text().contains("version=1.0\nCOPY "), out.text());
    }

    @Test
    void rewrite_byteOrderMark_isKept() {
        FinalDockerfile out = rewrite("\uFEFFFROM fedora:40\n" + LABELS, Map.of("fedora:40", PIN), Map.of("a", "b"));
        assertTrue(out.text().startsWith("\uFEFFFROM " + PIN + "\n"), out.text());
    }

    @Test
    void rewrite_labelValues_areQuotedAndEscapedAndRoundTrip() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("z.desc", "say \"hi\" for $5 in C:\\tmp");
        labels.put("a.key with space", "`tick` 'single'");
        labels.put("release", "3");
        FinalDockerfile out = rewrite("FROM scratch\n" + LABELS, Map.of(), labels);
        String last = out.text().lines().reduce((a, b) -> b).orElseThrow();
        assertEquals("LABEL \"a.key with space\"=\"`tick` 'single'\" \"release\"=\"3\""
                + " \"z.desc\"=\"say \\\"hi\\\" for \\$5 in C:\\\\tmp\"", last);
        Map<String, String> reparsed = Dockerfile.parse(out.text()).finalConfig().labels();
        labels.forEach((k, v) -> assertEquals(v, reparsed.get(k), k));
    }

    @Test
    void rewrite_backtickEscape_escapesWithBacktickAndRoundTrips() {
        String text = "# escape=`\nFROM scratch\n" + LABELS;
        Map<String, String> labels = Map.of("path", "C:\\tools\\`x` \"q\" $v");
        FinalDockerfile out = rewrite(text, Map.of(), labels);
        assertTrue(out.text().endsWith("LABEL \"path\"=\"C:\\tools\\``x`` `\"q`\" `$v\"\n"), out.text());
        assertEquals(labels.get("path"), Dockerfile.parse(out.text()).finalConfig().labels().get("path"));
    }

    @Test
    void rewrite_resultParsesWithPinnedParentAndBuildinfoCopy() {
        FinalDockerfile out = rewrite("FROM fedora:40 AS b\nFROM fedora:40\n" + LABELS, Map.of("fedora:40", PIN),
                Map.of("release", "3"));
        Dockerfile again = Dockerfile.parse(out.text());
        assertEquals(List.of(PIN), again.parents());
        Instruction copy = again.finalStage().instructions().get(again.finalStage().instructions().size() - 2);
        assertEquals("COPY", copy.keyword());
        assertEquals("3", again.finalConfig().labels().get("release"));
    }

    @Test
    void rewrite_unpinnedParent_refused() {
        assertRefused(ErrorCode.DOCKERFILE_PARENT_NOT_PINNED,
                () -> rewrite("FROM a AS x\nFROM fedora:40\n" + LABELS, Map.of("a", PIN), Map.of("a", "b")),
                "line 2", "fedora:40");
    }

    @Test
    void rewrite_pinWithoutDigest_refused() {
        assertRefused(ErrorCode.DOCKERFILE_PARENT_NOT_PINNED,
                () -> rewrite("FROM fedora:40\n" + LABELS, Map.of("fedora:40", "fedora:41"), Map.of("a", "b")),
                "'fedora:41'", "digest");
    }

    @Test
    void rewrite_labelWithNewline_refused() {
        assertRefused(ErrorCode.LABEL_INVALID,
                () -> rewrite("FROM scratch\n" + LABELS, Map.of(), Map.of("desc", "two\nlines")), "'desc'",
                "line break");
    }

    @Test
    void rewrite_labelNameWithEquals_refused() {
        assertRefused(ErrorCode.LABEL_INVALID,
                () -> rewrite("FROM scratch\n" + LABELS, Map.of(), Map.of("a=b", "c")), "'a=b'");
    }

    @Test
    void rewrite_noLabels_isACallerError() {
        assertThrows(IllegalArgumentException.class, () -> rewrite("FROM scratch\n" + LABELS, Map.of(), Map.of()));
    }

    @Test
    void rewrite_withoutRelease_refused() {
        Dockerfile df = Dockerfile.parse("FROM scratch\n" + LABELS);
        assertRefused(ErrorCode.LABEL_MISSING,
                () -> DockerfileRewriter.rewrite(df, Map.of(), ImageLabels.of(df), Map.of("a", "b")), "release");
    }
}
