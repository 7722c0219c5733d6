package dev.slipway.common.process;

import java.time.Duration;

/**
 * How one run of an external program ended: its exit code, its captured standard output and error (bounded, secrets
 * replaced by {@code ***}; standard output is empty when it went to a file) and how long it ran.
 */
public record CommandResult(int exitCode, String stdout, String stderr, Duration duration) {
    /** True when the program exited 0. */
    public boolean ok() {
        return exitCode == 0;
    }

    /** Standard output followed by standard error, as a terminal would have shown them (roughly). */
    public String output() {
        return stdout + stderr;
    }
}
