package dev.slipway.release.signing;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a tool Slipway did not write (skopeo, gpg, openssl, sha256sum) and keeps its exit code and output. */
public record OutsideTool(int exitCode, String stdout, String stderr) {

    /** Runs {@code command} in {@code dir} (null: current) with extra environment; a missing tool fails the test. */
    public static OutsideTool run(List<String> command, Path dir, Map<String, String> env) {
        CommandResult r = Command.of(command).in(dir).env(env).timeout(Duration.ofMinutes(2)).run();
        return new OutsideTool(r.exitCode(), r.stdout(), r.stderr());
    }

    public static OutsideTool run(List<String> command) {
        return run(command, null, Map.of());
    }

    /** Runs a bash script (with {@code set -euo pipefail}) with positional arguments. */
    public static OutsideTool bash(String script, Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; " + script,
                "script"));
        command.addAll(List.of(args));
        return run(command, dir, Map.of());
    }

    /** This result, or a failure showing what the tool printed. */
    public OutsideTool requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("tool exited " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        return this;
    }

    public String output() {
        return stdout + stderr;
    }

}
