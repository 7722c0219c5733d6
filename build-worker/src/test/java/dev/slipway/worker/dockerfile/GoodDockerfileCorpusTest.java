package dev.slipway.worker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code dockerfile/good/} parses, passes the label policy, and rewrites (with the parents pinned
 * as its {@code # pin: parent -> pinned} lines say) to exactly the text of the {@code .expected} file beside it.
 */
class GoodDockerfileCorpusTest {
    static Stream<Path> goodDockerfiles() {
        return Corpus.dockerfiles("good").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goodDockerfiles")
    void corpus_goodDockerfile_rewritesToExpectedText(Path file) {
        String text = Corpus.read(file);
        Map<String, String> pins = new LinkedHashMap<>();
        for (String pin : Corpus.notes(text, "pin")) {
            String[] parts = pin.split(" -> ");
            pins.put(parts[0], parts[1]);
        }
        Dockerfile dockerfile = Dockerfile.parse(text);
        assertEquals(List.copyOf(pins.keySet()), dockerfile.parents());
        ImageLabels image = ImageLabels.of(dockerfile);
        if (image.release() == null) {
            image = image.withRelease("4");
        }
        image.checkTags(List.of("latest", image.version()));
        Map<String, String> labels = Map.of("release", image.release(), "vendor", "Slipway \"Project\"",
                "url", "https://example.com/$NAME/`x`\\y");

        FinalDockerfile result = DockerfileRewriter.rewrite(dockerfile, pins, image, labels);

        Path expected = file.resolveSibling(file.getFileName().toString().replace(".Dockerfile", ".expected"));
        assertTrue(Files.exists(expected), "missing " + expected + "; the rewrite gave:\n" + result.text());
        assertEquals(Corpus.read(expected), result.text());
        Dockerfile again = Dockerfile.parse(result.text());
        assertEquals(Set.copyOf(pins.values()), Set.copyOf(again.parents()));
        labels.forEach((key, value) -> assertEquals(value, again.finalConfig().labels().get(key), key));
        assertEquals(dockerfile.stages().size(), again.stages().size());
    }
}
