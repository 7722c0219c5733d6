package dev.slipway.release.policy;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.CommandResult;
import dev.slipway.common.source.CommitId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Checks a build's source with the real git command in a throw-away bare repository: the commit must be fetchable
 * from the recorded URL, and a tag must be fetchable and pass {@code git verify-tag} with {@code GNUPGHOME} set to
 * the configured keyring (the public keys of the people allowed to tag releases).
 */
public final class GitSourceVerifier implements SourceVerifier {
    private final Path gnupgHome;
    private final Duration timeout;

    /** A verifier trusting the keys in {@code gnupgHome}; each git call may take up to {@code timeout}. */
    public GitSourceVerifier(Path gnupgHome, Duration timeout) {
        this.gnupgHome = Objects.requireNonNull(gnupgHome, "gnupgHome").toAbsolutePath();
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Optional<String> commitProblem(String repository, String commit) {
        checkRepository(repository);
        if (!CommitId.isValid(commit) || !CommitId.parse(commit).isSha1()) {
            return Optional.of("'" + commit + "' is not a full 40-hex commit id");
        }
        return inScratchRepository(git -> {
            CommandResult fetch = git.run("fetch", "-q", "--no-tags", "--depth=1", "--", repository, commit);
            if (!fetch.ok()) {
                return Optional.of("git fetch of " + commit + " from " + repository + " failed: " + fetch.stderr());
            }
            CommandResult type = git.run("cat-file", "-t", commit);
            return type.ok() && type.stdout().strip().equals("commit") ? Optional.<String>empty()
                    : Optional.of(repository + " sent " + commit + " but it is not a commit");
        });
    }

    @Override
    public TagVerification verifyTag(String repository, String tag) {
        checkRepository(repository);
        String ref = "refs/tags/" + tag;
        return inScratchRepository(git -> {
            if (tag == null || tag.startsWith("-") || !git.run("check-ref-format", ref).ok()) {
                return new TagVerification(TagVerification.Status.NOT_FOUND, null, "'" + tag + "' is not a tag name");
            }
            CommandResult fetch = git.run("fetch", "-q", "--no-tags", "--", repository, "+" + ref + ":" + ref);
            if (!fetch.ok()) {
                return new TagVerification(TagVerification.Status.NOT_FOUND, null,
                        "git fetch of " + ref + " from " + repository + " failed: " + fetch.stderr());
            }
            String commit = git.run("rev-parse", "--verify", "-q", ref + "^{commit}").stdout().strip();
            if (!git.run("cat-file", "-t", ref).stdout().strip().equals("tag")) {
                return new TagVerification(TagVerification.Status.UNVERIFIED, commit,
                        "it is a lightweight tag, which cannot carry a signature");
            }
            CommandResult verify = git.run("-c", "gpg.program=gpg", "verify-tag", "--", tag);
            return verify.ok() ? new TagVerification(TagVerification.Status.VERIFIED, commit, verify.stderr())
                    : new TagVerification(TagVerification.Status.UNVERIFIED, commit, verify.stderr());
        });
    }

    private <T> T inScratchRepository(Function<GitRunner, T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("slipway-source-check-");
            GitRunner git = new GitRunner(dir, Map.of("GNUPGHOME", gnupgHome.toString()), timeout);
            CommandResult init = git.run("init", "-q", "--bare", ".");
            if (!init.ok()) {
                throw new SlipwayException(ErrorCode.POLICY_CHECK_FAILED,
                        "Tried to create a scratch git repository in " + dir + " but git said: " + init.stderr());
            }
            return work.apply(git);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.POLICY_CHECK_FAILED,
                    "Tried to create a scratch directory for a git check but could not: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void checkRepository(String repository) {
        if (repository == null || repository.isBlank() || repository.startsWith("-")) {
            throw new SlipwayException(ErrorCode.INVALID_INPUT,
                    "Tried to check the source repository '" + repository + "' but it is not a git URL");
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover scratch repository in the temp directory is harmless
        }
    }
}
