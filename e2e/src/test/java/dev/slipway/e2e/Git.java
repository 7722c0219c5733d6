package dev.slipway.e2e;

import dev.slipway.common.process.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** Runs the real git command as a packager would, with an environment of the test's choosing. */
final class Git {
    private Git() {
    }

    /** Standard output then standard error: what a push's hooks print ({@code remote: ...}) arrives on the latter. */
    static String run(Path dir, Map<String, String> env, String... args) {
        return Command.of("git", "-c", "user.name=Slipway Packager", "-c", "user.email=packager@slipway.invalid")
                .arg(args).in(dir).env(env).timeout(Duration.ofSeconds(120)).check().output();
    }

    static String run(Path dir, String... args) {
        return run(dir, Map.of(), args);
    }
}
