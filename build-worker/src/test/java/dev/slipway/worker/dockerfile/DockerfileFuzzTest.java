package dev.slipway.worker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the Dockerfile parser (docs/fuzzing.md): any text either parses into stages, labels and a
 * rewritable Dockerfile or is refused with a {@link DockerfileException}; anything else escaping, a hang or an
 * out-of-memory is a finding. Kept corpus: {@code DockerfileFuzzTestInputs/dockerfile}.
 */
class DockerfileFuzzTest {
    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void dockerfile(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Dockerfile parsed = Dockerfile.parse(text);
            parsed.finalConfig().labels();
            ImageLabels identity = ImageLabels.of(parsed).withRelease("1");
            Map<String, String> pins = new HashMap<>();
            parsed.parents().forEach(p -> pins.put(p, "registry.example/fuzz@sha256:" + "a".repeat(64)));
            FinalDockerfile rewritten = DockerfileRewriter.rewrite(parsed, pins, identity, Map.of("a", "b"));
            // The engine runs a start of the final Dockerfile; what it leaves out is only trailing CMD/ENTRYPOINT.
            assertTrue(rewritten.text().startsWith(rewritten.engineText()));
            assertTrue(rewritten.deferred().stream().allMatch(i -> i.keyword().equals("CMD")
                    || i.keyword().equals("ENTRYPOINT")));
        } catch (DockerfileException expected) {
            // The parser's own refusal is the intended outcome for a malformed Dockerfile.
        }
    }
}
