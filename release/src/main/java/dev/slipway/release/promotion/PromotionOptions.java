package dev.slipway.release.promotion;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * One promotion run: the manifest checkout, whether to write ({@code confirm}; otherwise a dry run), the
 * {@code since} revision narrowing it to changed images, the parallelism, the keyring making signed approving
 * commits required, and the audit file.
 */
public record PromotionOptions(Path checkout, boolean confirm, Optional<String> since, int threads,
        Optional<Path> keyring, Path auditFile) {
    public PromotionOptions {
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(auditFile, "auditFile");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** A dry run of {@code checkout} with 4 threads, no signature requirement and the default audit file. */
    public static PromotionOptions dryRun(Path checkout) {
        return new PromotionOptions(checkout, false, Optional.empty(), 4, Optional.empty(),
                AuditLog.defaultFile(checkout));
    }

    public PromotionOptions confirmed() {
        return new PromotionOptions(checkout, true, since, threads, keyring, auditFile);
    }

    public PromotionOptions withSince(String revision) {
        return new PromotionOptions(checkout, confirm, Optional.of(revision), threads, keyring, auditFile);
    }

    public PromotionOptions withThreads(int count) {
        return new PromotionOptions(checkout, confirm, since, count, keyring, auditFile);
    }

    public PromotionOptions withKeyring(Path publicKeys) {
        return new PromotionOptions(checkout, confirm, since, threads, Optional.of(publicKeys), auditFile);
    }

    public PromotionOptions withAuditFile(Path file) {
        return new PromotionOptions(checkout, confirm, since, threads, keyring, file);
    }
}
