package dev.slipway.bench;

import dev.slipway.common.process.Command;


/** Runs a by-hand peer the way a release engineer's script would: one bash script. */
final class Shell {
    private Shell() {
    }

    static String bash(String script) {
        return Command.of("bash", "-euo", "pipefail", "-c", script).output();
    }
}
