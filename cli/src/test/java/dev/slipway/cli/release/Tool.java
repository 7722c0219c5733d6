package dev.slipway.cli.release;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One run of a tool Slipway did not write (skopeo, gpg, git, openssl, sha256sum, bin/slipway): exit code and output. */
record Tool(int exit, String out, String err) {

    static Tool run(List<String> command, Path dir, Map<String, String> env) {
        CommandResult r = Command.of(command).in(dir).env(env).timeout(Duration.ofMinutes(5)).run();
        return new Tool(r.exitCode(), r.stdout(), r.stderr());
    }

    /** {@code bash -c script args...} with {@code set -euo pipefail}. */
    static Tool bash(String script, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; " + script, "script"));
        command.addAll(List.of(args));
        return run(command, null, env);
    }

    Tool ok() {
        if (exit != 0) {
            throw new AssertionError("tool exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
        }
        return this;
    }

    String output() {
        return out + err;
    }

}
