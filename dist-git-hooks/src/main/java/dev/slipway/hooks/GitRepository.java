package dev.slipway.hooks;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        List<String> cmd = new ArrayList<>(List.of("git", "--git-dir", gitDir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new SlipwayException(ErrorCode.HOOK_INPUT_INVALID, "git " + String.join(" ", args)
                        + " failed in " + gitDir + ": " + out.strip());
            }
            return out;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.HOOK_INPUT_INVALID, "Could not run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while running git");
        }
    }
}
