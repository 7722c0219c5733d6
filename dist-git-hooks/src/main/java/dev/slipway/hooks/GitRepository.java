package dev.slipway.hooks;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Path;
import java.time.Duration;

/** The bare dist-git repository the hook runs in, read with the real git command. */
final class GitRepository {
    private final Path gitDir;

    GitRepository(Path gitDir) {
        this.gitDir = gitDir;
    }

    /** The repository's name: the directory name without {@code .git}. */
    String name() {
        String n = gitDir.toAbsolutePath().normalize().getFileName().toString();
        return n.endsWith(".git") ? n.substring(0, n.length() - 4) : n;
    }

    /** True when the push changed the root Dockerfile (for a new branch: when the branch has one). */
    boolean touchesDockerfile(RefUpdate u) {
        if (u.created()) {
            return !git("ls-tree", "--name-only", u.newId(), "--", "Dockerfile").isBlank();
        }
        return git("diff", "--name-only", u.oldId(), u.newId(), "--").lines().anyMatch(p -> p.equals("Dockerfile"));
    }

    private String git(String... args) {
        CommandResult result = Command.of("git", "--git-dir", gitDir.toString()).arg(args)
                .timeout(Duration.ofSeconds(60)).failingWith(ErrorCode.HOOK_INPUT_INVALID).run();
        if (!result.ok()) {
            throw new SlipwayException(ErrorCode.HOOK_INPUT_INVALID, "git " + String.join(" ", args)
                    + " failed in " + gitDir + ": " + result.output().strip());
        }
        return result.stdout();
    }
}
