package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;

/** Runs a host tool (tar, gzip, sha256sum...) that checks what the image code wrote. */
final class HostCommand {
    private HostCommand() {
    }

    /** The tool's standard output; a non-zero exit fails the test with everything it printed. */
    static String stdout(String... command) {
        CommandResult result = Command.of(command).run();
        assertEquals(0, result.exitCode(), result.output());
        return result.stdout();
    }
}
