package dev.slipway.bench;

import dev.slipway.testing.rpm.ExternalCommand;
import java.util.List;

/** Runs a by-hand peer the way a release engineer's script would: one bash script. */
final class Shell {
    private Shell() {
    }

    static String bash(String script) {
        return ExternalCommand.run(List.of("bash", "-euo", "pipefail", "-c", script));
    }
}
