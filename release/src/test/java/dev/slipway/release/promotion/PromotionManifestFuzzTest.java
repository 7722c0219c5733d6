package dev.slipway.release.promotion;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.SlipwayException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the promotion manifest parsers (docs/fuzzing.md): the promoter manifest (registries) and the
 * images file of one thin-manifest directory, given as one input split at its first NUL byte. Any input either
 * parses or is reported as problems (or a {@link SlipwayException}); anything else escaping, a hang or an
 * out-of-memory is a finding. Kept corpus: {@code PromotionManifestFuzzTestInputs/manifests}.
 */
class PromotionManifestFuzzTest {
    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void manifests(byte[] input) {
        int nul = 0;
        while (nul < input.length && input[nul] != 0) {
            nul++;
        }
        String registries = new String(input, 0, nul, StandardCharsets.UTF_8);
        String images = nul < input.length ? new String(Arrays.copyOfRange(input, nul + 1, input.length),
                StandardCharsets.UTF_8) : "";
        List<ManifestProblem> problems = new ArrayList<>();
        try {
            ThinManifestReader.parse("fuzz", registries, images, problems);
        } catch (SlipwayException expected) {
            // The reader's own refusal.
        }
    }
}
