package dev.slipway.worker.contents;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target (docs/fuzzing.md): dpkg's {@code status} file read into a manifest. Any input either reads or fails with the reader's own
 * {@link SlipwayException}; anything else escaping, a hang or running out of heap is a finding. Kept corpus:
 * {@code DpkgStatusFuzzTestInputs/status}.
 */
class DpkgStatusFuzzTest {
    @TempDir
    static Path temp;

    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void status(byte[] input) throws Exception {
        try {
            Path file = temp.resolve("status");
            Files.write(file, input);
            new DpkgStatusReader().read(file, "/var/lib/dpkg/status");
        } catch (SlipwayException expected) {
            // The reader's own error: refusing a damaged input is the intended outcome.
        }
    }
}
