package dev.slipway.worker.mirror;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code sha256sum -c CHECKSUM} in a directory, as a mirror user would. */
record Sha256sum(int exitCode, String output) {
    static Sha256sum check(Path directory) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/usr/bin/sha256sum", "-c", ChecksumFile.NAME)
                .directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("sha256sum -c did not finish in " + directory);
        }
        return new Sha256sum(p.exitValue(), out);
    }
}
