package dev.slipway.hub.task;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * {@code buildContainer}'s idempotency keys (the {@code Idempotency-Key} header, IETF draft
 * "The Idempotency-Key HTTP Header Field"): per owner, a key names the task its first request made, so a client
 * that retries after a lost answer gets the same task instead of a second one. The key is remembered with the
 * SHA-256 of the request it came with; reusing it for a different request is refused.
 */
final class IdempotencyKeys {
    private static final Pattern KEY = Pattern.compile("[!-~]{1,255}");
    private final TaskView view;

    /** A key and the fingerprint of the request it came with. */
    record Key(String key, String requestSha256) {
    }

    IdempotencyKeys(TaskView view) {
        this.view = view;
    }

    /** The key for {@code req}, after checking its form (1-255 printable ASCII characters). */
    Key of(String key, BuildContainerRequest req) {
        if (!KEY.matcher(key).matches()) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces");
        }
        return new Key(key, sha256(view.write(req)));
    }

    /** The task an earlier request of {@code owner} with this key made, or null; a different request is refused. */
    Long find(Session s, long owner, Key k) {
        List<Object[]> rows = s.createNativeQuery("select task_id, request_sha256 from idempotency_keys"
                + " where owner_id = :o and idem_key = :k", Object[].class).setParameter("o", owner)
                .setParameter("k", k.key()).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        long task = ((Number) rows.get(0)[0]).longValue();
        if (!k.requestSha256().equals(rows.get(0)[1])) {
            throw new SlipwayException(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key '" + k.key()
                    + "' was already used for task " + task + " with a different request; use a new key");
        }
        return task;
    }

    /** Remembers that {@code task} answers this key (the task row is written first, for the foreign key). */
    void record(Session s, long owner, Key k, long task, Instant now) {
        s.flush();
        s.createNativeMutationQuery("insert into idempotency_keys (owner_id, idem_key, request_sha256, task_id,"
                + " created) values (:o, :k, :h, :t, :c)").setParameter("o", owner).setParameter("k", k.key())
                .setParameter("h", k.requestSha256()).setParameter("t", task).setParameter("c", now)
                .executeUpdate();
    }

    /**
     * True when {@code failure} is a unique-key violation: another hub process committed the same key between
     * this one's lookup and insert (SQLState 23505 on PostgreSQL and H2).
     */
    static boolean isDuplicate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && "23505".equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
