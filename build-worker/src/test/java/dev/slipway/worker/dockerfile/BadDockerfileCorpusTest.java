package dev.slipway.worker.dockerfile;

import static dev.slipway.worker.dockerfile.Refusals.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code dockerfile/bad/} is refused before any build with the code its {@code # expect:} line
 * names, by a message containing each {@code # mentions:} text. The checks run in the order a build runs them:
 * parse, label policy, then the tags ({@code version-release}, {@code latest} and any {@code # tag:} lines).
 */
class BadDockerfileCorpusTest {
    static Stream<Path> badDockerfiles() {
        return Corpus.dockerfiles("bad").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDockerfiles")
    void corpus_badDockerfile_refusedWithExpectedCodeAndMessage(Path file) {
        String text = Corpus.read(file);
        List<String> expect = Corpus.notes(text, "expect");
        assertEquals(1, expect.size(), file + " needs exactly one '# expect: CODE' line");
        List<String> mentions = Corpus.notes(text, "mentions");
        assertFalse(mentions.isEmpty(), file + " needs at least one '# mentions:' line");
        ErrorCode code = ErrorCode.valueOf(expect.get(0));
        assertRefused(code, () -> checkAsABuildWould(text), mentions.toArray(String[]::new));
    }

    @Test
    void corpus_coversManyCases() {
        assertTrue(Corpus.dockerfiles("bad").size() >= 28, "the bad corpus holds at least 28 files");
    }

    private static void checkAsABuildWould(String text) {
        ImageLabels image = ImageLabels.of(Dockerfile.parse(text));
        ImageLabels released = image.release() == null ? image.withRelease("1") : image;
        List<String> tags = new ArrayList<>(List.of("latest"));
        tags.addAll(Corpus.notes(text, "tag"));
        released.checkTags(tags);
    }
}
