package dev.slipway.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the post-receive hook's input (docs/fuzzing.md): stdin read line by line as the hook reads it,
 * each non-blank line parsed as a {@link RefUpdate}. Every line either parses or is refused as
 * HOOK_INPUT_INVALID (the hook then warns and goes on); anything else escaping, a hang or an out-of-memory is a
 * finding. Kept corpus: {@code HookInputFuzzTestInputs/stdin}.
 */
class HookInputFuzzTest {
    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void stdin(byte[] input) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(input),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null;) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    RefUpdate update = RefUpdate.parse(line);
                    update.branch();
                    update.created();
                    update.deleted();
                } catch (SlipwayException refused) {
                    assertEquals(ErrorCode.HOOK_INPUT_INVALID, refused.code(), refused.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
