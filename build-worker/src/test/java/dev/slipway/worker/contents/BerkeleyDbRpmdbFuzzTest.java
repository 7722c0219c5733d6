package dev.slipway.worker.contents;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target (docs/fuzzing.md): a Berkeley DB {@code Packages} file read into a manifest. Any input either reads or fails with the reader's own
 * {@link SlipwayException}; anything else escaping, a hang or running out of heap is a finding. Kept corpus:
 * {@code BerkeleyDbRpmdbFuzzTestInputs/packages}.
 */
class BerkeleyDbRpmdbFuzzTest {
    @TempDir
    static Path temp;

    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void packages(byte[] input) throws Exception {
        try {
            Path dir = Files.createDirectories(temp.resolve("bdb"));
            Files.write(dir.resolve(BerkeleyDbRpmdb.FILE_NAME), input);
            new RpmDatabaseReader().read(dir, "/var/lib/rpm");
        } catch (SlipwayException expected) {
            // The reader's own error: refusing a damaged input is the intended outcome.
        }
    }
}
