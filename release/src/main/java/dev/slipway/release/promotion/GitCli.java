package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Runs the real {@code git} in a checkout: pickaxe searches and {@code git verify-commit} (which JGit lacks) come
 * from the tool reviewers use themselves. {@code env} adds variables such as {@code GNUPGHOME}.
 */
final class GitCli {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private final Path checkout;
    private final Map<String, String> env;

    GitCli(Path checkout, Map<String, String> env) {
        this.checkout = checkout;
        this.env = Map.copyOf(env);
    }

    /** Runs {@code git args...}; any exit status is returned. */
    CommandResult run(String... args) {
        return command(args).run();
    }

    /** Runs git and returns its output, failing on a non-zero exit. */
    String output(String... args) {
        return command(args).output();
    }

    private Command command(String... args) {
        return Command.of("git", "-c", "core.quotepath=off").arg(args).in(checkout).env(env).timeout(TIMEOUT)
                .failingWith(ErrorCode.PROMOTION_GIT_FAILED);
    }
}
