package dev.slipway.worker.contents;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz target (docs/fuzzing.md): an image layer tar (whiteouts, opaque directories, links) laid over a fixed lower layer that holds an rpm database and a dpkg status, then read into a manifest. Any input either reads or fails with the reader's own
 * {@link SlipwayException}; anything else escaping, a hang or running out of heap is a finding. Kept corpus:
 * {@code LayeredFilesFuzzTestInputs/upperLayer}.
 */
class LayeredFilesFuzzTest {
    /** What the fuzzed layer lands on: a Fedora-style rpmdb directory with its /var/lib/rpm link, and dpkg. */
    private static final byte[] LOWER = new LayerTar()
            .file("usr/lib/sysimage/rpm/Packages.db", NdbFixture.database(java.util.List.of(
                    new HeaderBlob().string(RpmTag.NAME, "lower").string(RpmTag.VERSION, "1").build())))
            .symlink("var/lib/rpm", "../../usr/lib/sysimage/rpm")
            .file("var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\n")
            .build();

    @TempDir
    static Path temp;

    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void upperLayer(byte[] input) throws Exception {
        try {
            Path scratch = temp.resolve("scratch");
            // A fresh scratch directory per input: files left by an earlier input must not be read as this one's.
            org.apache.commons.io.FileUtils.deleteDirectory(scratch.toFile());
            new ImageContentsReader().read(LayerTar.index(LOWER, input), scratch);
        } catch (SlipwayException expected) {
            // The reader's own error: refusing a damaged input is the intended outcome.
        }
    }
}
