package dev.slipway.worker.contents;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the rpm header parser and the package record built from it (docs/fuzzing.md): any input either
 * parses or fails with the reader's own {@link SlipwayException}; anything else (an index error, a hang, an
 * out-of-memory) is a finding. Kept corpus: {@code RpmHeaderFuzzTestInputs/headerBlob}.
 */
class RpmHeaderFuzzTest {
    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void headerBlob(byte[] blob) {
        try {
            RpmHeader header = RpmHeader.parse(blob);
            InstalledRpms.isPublicKey(header);
            InstalledRpms.toPackage(header);
        } catch (SlipwayException expected) {
            // The reader's own error: refusing a malformed header is the intended outcome.
        }
    }
}
