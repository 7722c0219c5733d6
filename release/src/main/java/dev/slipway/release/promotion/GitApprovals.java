package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Approvals from the manifest repository's history: the approving commit of a digest is the newest commit that
 * added it to the images file ({@code git log -S}). When a keyring is given, that commit must pass
 * {@code git verify-commit} with a GnuPG home holding only the keyring's keys, so only they can approve.
 */
public final class GitApprovals implements Approvals, AutoCloseable {
    private final GitCli git;
    private final Optional<Path> gnupgHome;
    private final Map<String, Approval> byCommit = new ConcurrentHashMap<>();

    private GitApprovals(GitCli git, Optional<Path> gnupgHome) {
        this.git = git;
        this.gnupgHome = gnupgHome;
    }

    /** Approvals in {@code checkout}; {@code keyring} (public keys, armored or binary) makes signatures required. */
    public static GitApprovals open(Path checkout, Optional<Path> keyring) {
        if (keyring.isEmpty()) {
            return new GitApprovals(new GitCli(checkout, Map.of()), Optional.empty());
        }
        Path home = null;
        try {
            home = Files.createTempDirectory("slipway-gnupg-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            importKeys(home, keyring.get());
            return new GitApprovals(new GitCli(checkout, Map.of("GNUPGHOME", home.toString())), Optional.of(home));
        } catch (IOException | RuntimeException e) {
            delete(home);
            throw e instanceof SlipwayException s ? s : new SlipwayException(ErrorCode.PROMOTION_GIT_FAILED,
                    "Tried to prepare the keyring " + keyring.get() + " but could not: " + e.getMessage(), e);
        }
    }

    /** True when approving commits must carry a good signature by a key of the keyring. */
    public boolean signaturesRequired() {
        return gnupgHome.isPresent();
    }

    @Override
    public Approval approvalOf(String imagesFile, Digest digest) {
        String log = git.output("log", "-z", "--format=%H%x1f%an <%ae>", "-S" + digest, "HEAD", "--",
                imagesFile);
        if (log.isBlank()) {
            throw new SlipwayException(ErrorCode.PROMOTION_NOT_APPROVED, digest + " in " + imagesFile
                    + " is in no commit of the manifest repository: only committed (reviewed) changes are promoted");
        }
        String[] newest = log.split("\0")[0].strip().split("\u001f", 2);
        return byCommit.computeIfAbsent(newest[0], commit -> verify(commit, newest[1]));
    }

    private Approval verify(String commit, String author) {
        if (gnupgHome.isEmpty()) {
            return new Approval(commit, author, Approval.SignatureStatus.NOT_CHECKED, Optional.empty());
        }
        CommandResult result = git.run("verify-commit", "--raw", commit);
        Optional<String> signer = result.stderr().lines().filter(l -> l.startsWith("[GNUPG:] VALIDSIG "))
                .map(l -> l.split(" ")[2]).findFirst();
        if (result.exitCode() != 0 || signer.isEmpty()) {
            String why = result.stderr().contains("[GNUPG:]") ? "its signature is not by a key of the keyring"
                    : "it is not signed";
            throw new SlipwayException(ErrorCode.PROMOTION_UNSIGNED_COMMIT, "the approving commit " + commit
                    + " by " + author + " failed git verify-commit: " + why);
        }
        return new Approval(commit, author, Approval.SignatureStatus.GOOD, signer);
    }

    @Override
    public void close() {
        gnupgHome.ifPresent(GitApprovals::delete);
    }

    /** Imports the keyring into the private GnuPG home: git verify-commit then trusts exactly these keys. */
    private static void importKeys(Path home, Path keyring) {
        Command.of("gpg", "--batch", "--quiet", "--homedir", home.toString(), "--import", keyring.toString())
                .timeout(Duration.ofSeconds(60)).failingWith(ErrorCode.PROMOTION_GIT_FAILED).check();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover temporary GnuPG home holds only public keys
        }
    }
}
