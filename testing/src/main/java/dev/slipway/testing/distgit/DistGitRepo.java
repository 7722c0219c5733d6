package dev.slipway.testing.distgit;

import dev.slipway.common.process.Command;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A dist-git repository made with the real git command: a bare repository (what builds fetch from) and a work
 * tree that commits are made in and pushed from, the way a packager works.
 */
public final class DistGitRepo {
    private final Path bare;
    private final Path work;
    private final String branch;
    private final List<String> commits = new ArrayList<>();

    private DistGitRepo(Path bare, Path work, String branch) {
        this.bare = bare;
        this.work = work;
        this.branch = branch;
    }

    /** Creates {@code <dir>/<name>.git} (bare) and a work tree beside it on {@code branch}. */
    public static DistGitRepo create(Path dir, String name, String branch) {
        Path bare = dir.resolve(name + ".git");
        Path work = dir.resolve(name + "-work");
        git(dir, "init", "-q", "--bare", "--initial-branch=" + branch, bare.toString());
        git(dir, "init", "-q", "--initial-branch=" + branch, work.toString());
        git(work, "config", "user.name", "Slipway Packager");
        git(work, "config", "user.email", "packager@slipway.invalid");
        git(work, "remote", "add", "origin", bare.toString());
        return new DistGitRepo(bare, work, branch);
    }

    /** Writes the files (path → content), commits them, pushes, and returns the full commit id. */
    public String commit(Map<String, byte[]> files, String message) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = work.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing files into " + work + " failed", e);
        }
        git(work, "add", "-A");
        git(work, "commit", "-q", "-m", message);
        git(work, "push", "-q", "origin", branch);
        String sha = git(work, "rev-parse", "HEAD").strip();
        commits.add(sha);
        return sha;
    }

    /** The URL builds use, {@code file:///...git}. */
    public URI url() {
        return bare.toUri();
    }

    /** {@code url#commit}, Koji's source form. */
    public String source(String commit) {
        String u = url().toString();
        return (u.endsWith("/") ? u.substring(0, u.length() - 1) : u) + "#" + commit;
    }

    public List<String> commits() {
        return List.copyOf(commits);
    }

    public String head() {
        return commits.get(commits.size() - 1);
    }

    public Path bare() {
        return bare;
    }

    /** Runs git and returns its standard output; any failure is a fixture error. */
    static String git(Path dir, String... args) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Could not create " + dir, e);
        }
        return Command.of("git").arg(args).in(dir).timeout(Duration.ofSeconds(60)).output();
    }
}
