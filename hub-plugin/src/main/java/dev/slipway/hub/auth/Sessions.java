package dev.slipway.hub.auth;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.SessionRefused.Reason;
import dev.slipway.hub.persistence.Database;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Login sessions (koji's API uses them), kept in the database so every hub process shares them: {@code login(user,
 * token)} opens one for the holder of a user API token; each call names it by id and key and may carry a call
 * number that must grow (a replayed or smaller number is refused, as koji's hub refuses it). A session expires
 * after {@link #IDLE} without a call, and ends with {@code logout} or when its token is revoked. Only hashes of the
 * key and the token are stored.
 */
public final class Sessions {
    /** How long a session lives without a call. */
    public static final Duration IDLE = Duration.ofHours(24);
    private final Database db;
    private final Authenticator auth;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** An open session: its id and key (the key is shown only here). */
    public record Opened(long id, String key, Principal principal) {
    }

    /** A session a call authenticated with. */
    public record Current(long id, Principal principal) {
    }

    public Sessions(Database db, Authenticator auth, Clock clock) {
        this.db = db;
        this.auth = auth;
        this.clock = clock;
    }

    /** Opens a session for {@code user} if {@code token} is one of that user's API tokens. Blocks. */
    public Opened login(String user, String token) {
        if (user == null || token == null || token.isEmpty()) {
            throw new SlipwayException(ErrorCode.AUTH_REQUIRED,
                    "login needs a user name and one of that user's API tokens as password");
        }
        String tokenHash = Tokens.hash(token);
        Principal p;
        try {
            p = auth.byHash(tokenHash);
        } catch (RuntimeException e) {
            p = null;
        }
        if (p == null || !p.isUser() || !p.name().equals(user)) {
            throw new SlipwayException(ErrorCode.AUTH_INVALID_TOKEN,
                    "Invalid username or password (the password is one of the user's API tokens)");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        long userId = p.id();
        long id = db.tx(s -> {
            s.createNativeMutationQuery("delete from koji_sessions where expires < :now").setParameter("now", now)
                    .executeUpdate();
            long candidate;
            do {
                candidate = 1 + random.nextInt(Integer.MAX_VALUE - 1);
            } while (!s.createNativeQuery("select id from koji_sessions where id = :i", Long.class)
                    .setParameter("i", candidate).getResultList().isEmpty());
            s.createNativeMutationQuery("insert into koji_sessions (id, key_hash, token_hash, user_id, callnum,"
                    + " created, expires) values (:id, :k, :t, :u, null, :now, :exp)").setParameter("id", candidate)
                    .setParameter("k", Tokens.hash(key)).setParameter("t", tokenHash).setParameter("u", userId)
                    .setParameter("now", now).setParameter("exp", now.plus(IDLE)).executeUpdate();
            return candidate;
        });
        return new Opened(id, key, p);
    }

    /**
     * The session a call names, checking its key, expiry, token and call number (null: none sent); the call
     * number is consumed even if the call then fails. Blocks.
     */
    public Current check(long id, String key, Long callnum) {
        Instant now = clock.instant();
        String tokenHash = db.tx(s -> {
            List<Object[]> rows = s.createNativeQuery("select key_hash, token_hash, callnum,"
                    + " case when expires > :now then 1 else 0 end from koji_sessions where id = :id", Object[].class)
                    .setParameter("now", now).setParameter("id", id).getResultList();
            if (rows.isEmpty() || key == null || !rows.get(0)[0].equals(Tokens.hash(key))) {
                throw new SessionRefused(Reason.INVALID, ErrorCode.AUTH_INVALID_TOKEN,
                        "Invalid session or session key (session " + id + ")");
            }
            Object[] row = rows.get(0);
            if (((Number) row[3]).intValue() == 0) {
                throw new SessionRefused(Reason.EXPIRED, ErrorCode.AUTH_INVALID_TOKEN,
                        "Session " + id + " expired; log in again");
            }
            if (callnum == null) {
                s.createNativeMutationQuery("update koji_sessions set expires = :exp where id = :id")
                        .setParameter("exp", now.plus(IDLE)).setParameter("id", id).executeUpdate();
                return (String) row[1];
            }
            // One conditional update, so two hub processes can never both accept the same call number.
            int n = s.createNativeMutationQuery("update koji_sessions set callnum = :c, expires = :exp where id = :id"
                    + " and (callnum is null or callnum < :c)").setParameter("c", callnum)
                    .setParameter("exp", now.plus(IDLE)).setParameter("id", id).executeUpdate();
            if (n == 0) {
                Number last = s.createNativeQuery("select callnum from koji_sessions where id = :id", Long.class)
                        .setParameter("id", id).getSingleResult();
                if (last != null && last.longValue() == callnum) {
                    throw new SessionRefused(Reason.REPLAYED, ErrorCode.BAD_PARAMETER, "Unable to retry call " + callnum
                            + " for session " + id + ": that call number was already used");
                }
                throw new SessionRefused(Reason.OUT_OF_ORDER, ErrorCode.BAD_PARAMETER, "Call number " + callnum
                        + " is out of sequence for session " + id + " (last " + last + ")");
            }
            return (String) row[1];
        });
        Principal p;
        try {
            p = auth.byHash(tokenHash);
        } catch (RuntimeException e) {
            throw new SessionRefused(Reason.INVALID, ErrorCode.AUTH_INVALID_TOKEN,
                    "The token session " + id + " was opened with is revoked");
        }
        return new Current(id, p);
    }

    /** Ends a session. Blocks. */
    public void logout(long id) {
        db.tx(s -> s.createNativeMutationQuery("delete from koji_sessions where id = :id").setParameter("id", id)
                .executeUpdate());
    }
}
