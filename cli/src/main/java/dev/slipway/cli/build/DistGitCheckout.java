package dev.slipway.cli.build;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A packager's dist-git checkout, read with the real git command the way fedpkg does before a build: the branch,
 * the full HEAD commit, the remote's anonymous URL, and the checks that the tree is clean and HEAD is pushed.
 */
public final class DistGitCheckout {
    private final Path dir;
    private final String remote;

    public DistGitCheckout(Path dir, String remote) {
        this.dir = dir;
        this.remote = remote;
    }

    /** The branch checked out; a detached HEAD is refused (the build needs git_branch). */
    public String branch() {
        String b = git("rev-parse", "--abbrev-ref", "HEAD").strip();
        if (b.equals("HEAD")) {
            throw notReady("HEAD is detached; check out the dist-git branch to build (e.g. f40)");
        }
        return b;
    }

    public String head() {
        return git("rev-parse", "HEAD").strip();
    }

    /** Refuses uncommitted changes (untracked files included): the hub builds what is pushed, not the tree. */
    public void requireClean() {
        String status = git("status", "--porcelain");
        if (!status.isBlank()) {
            throw notReady("The checkout " + dir + " has uncommitted changes; commit and push them first:\n"
                    + status.stripTrailing());
        }
    }

    /** Refuses a HEAD the remote branch does not contain (asks the remote itself, as a push would). */
    public void requirePushed(String branch, String head) {
        String line = git("ls-remote", remote, "refs/heads/" + branch).strip();
        if (line.isEmpty()) {
            throw notReady("Branch " + branch + " does not exist on remote '" + remote + "'; push it first");
        }
        String remoteHead = line.split("\\s+")[0];
        if (!remoteHead.equals(head) && !run(List.of("merge-base", "--is-ancestor", head, remoteHead)).ok()) {
            throw notReady("HEAD " + head + " is not pushed to " + remote + "/" + branch + " (the remote is at "
                    + remoteHead + "); push first");
        }
    }

    /** The remote's URL without credentials; a local path becomes a file:// URL. */
    public String anonymousUrl() {
        String url = git("remote", "get-url", remote).strip();
        if (url.startsWith("/")) {
            String u = Path.of(url).toUri().toString();
            return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        }
        if (url.matches("[\\w.-]+@[\\w.-]+:.*")) {
            // scp-like ssh form user@host:path: Fedora's anonymous clone URL is https://host/path.
            String hostPath = url.substring(url.indexOf('@') + 1);
            return "https://" + hostPath.replaceFirst(":", "/");
        }
        URI uri = URI.create(url);
        if (uri.getUserInfo() == null) {
            return url;
        }
        String scheme = "ssh".equals(uri.getScheme()) || "git+ssh".equals(uri.getScheme()) ? "https" : uri.getScheme();
        return scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }

    private String git(String... args) {
        CommandResult r = run(List.of(args));
        if (!r.ok()) {
            throw notReady("git " + String.join(" ", args) + " failed in " + dir + ": " + r.output().strip());
        }
        return r.stdout();
    }

    private CommandResult run(List<String> args) {
        return Command.of("git", "-C", dir.toString()).arg(args.toArray(String[]::new))
                .timeout(Duration.ofMinutes(2)).failingWith(ErrorCode.CHECKOUT_NOT_READY).run();
    }

    private static SlipwayException notReady(String message) {
        return new SlipwayException(ErrorCode.CHECKOUT_NOT_READY, message);
    }
}
