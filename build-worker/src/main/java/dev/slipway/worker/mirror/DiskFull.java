package dev.slipway.worker.mirror;

import java.nio.file.FileSystemException;

/**
 * Tells a full file system (ENOSPC, EDQUOT) from other I/O failures: the JDK reports both as plain
 * {@code IOException}s whose only trace of the cause is the operating system's message.
 */
final class DiskFull {
    private DiskFull() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : t.getMessage();
            if (text != null && (text.contains("No space left on device") || text.contains("Disk quota exceeded"))) {
                return true;
            }
        }
        return false;
    }
}
