package dev.slipway.worker.mirror;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

class DiskFullTest {
    @Test
    void causes_noSpaceOrQuotaAnywhereInTheChain_isDiskFull() {
        assertTrue(DiskFull.causes(new FileSystemException("/m/x", null, "No space left on device")));
        assertTrue(DiskFull.causes(new UncheckedIOException(new IOException("No space left on device"))));
        assertTrue(DiskFull.causes(new IOException("Disk quota exceeded")));
    }

    @Test
    void causes_otherFailures_areNot() {
        assertFalse(DiskFull.causes(new FileSystemException("/m/x", null, "Permission denied")));
        assertFalse(DiskFull.causes(new IOException((String) null)));
    }
}
