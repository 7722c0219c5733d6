package dev.slipway.worker.dockerfile;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
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
            parsed.parents();
            parsed.finalConfig().labels();
            ImageLabels.of(parsed);
        } catch (DockerfileException expected) {
            // The parser's own refusal is the intended outcome for a malformed Dockerfile.
        }
    }
}
