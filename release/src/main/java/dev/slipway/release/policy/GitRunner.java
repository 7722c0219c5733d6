package dev.slipway.release.policy;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.common.process.CommandTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the git command in one directory with a fixed environment (no prompts, C locale, the configured GNUPGHOME)
 * and a timeout. A git that cannot be started is a {@code POLICY_CHECK_FAILED} error; a git that fails or hangs is a
 * result (exit code -1 for a hung one), since the check then has its answer: the source could not be verified.
 */
final class GitRunner {
    private final Path directory;
    private final Map<String, String> environment;
    private final Duration timeout;

    GitRunner(Path directory, Map<String, String> environment, Duration timeout) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    CommandResult run(String... args) {
        Command git = Command.of("git").arg(args).in(directory).env(environment).env("GIT_TERMINAL_PROMPT", "0")
                .env("LC_ALL", "C").timeout(timeout).failingWith(ErrorCode.POLICY_CHECK_FAILED);
        try {
            CommandResult result = git.run();
            return new CommandResult(result.exitCode(), result.stdout(), result.stderr().strip(), result.duration());
        } catch (CommandTimeoutException e) {
            return new CommandResult(-1, "", "git did not finish within " + timeout.toSeconds() + " s", timeout);
        }
    }
}
