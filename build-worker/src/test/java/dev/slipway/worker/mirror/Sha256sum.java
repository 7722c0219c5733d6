package dev.slipway.worker.mirror;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;

/** Runs the real {@code sha256sum -c CHECKSUM} in a directory, as a mirror user would. */
record Sha256sum(int exitCode, String output) {
    static Sha256sum check(Path directory) {
        CommandResult r = Command.of("/usr/bin/sha256sum", "-c", ChecksumFile.NAME).in(directory)
                .timeout(Duration.ofSeconds(30)).run();
        return new Sha256sum(r.exitCode(), r.output());
    }
}
