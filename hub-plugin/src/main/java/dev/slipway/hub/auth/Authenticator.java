package dev.slipway.hub.auth;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TokenEntity;
import dev.slipway.hub.persistence.UserEntity;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Resolves bearer tokens to principals. Answers are cached for one second so a busy client costs no database
 * read per request; a revocation reaches every hub process within that second (and this one at once).
 */
public final class Authenticator {
    private static final long TTL_NANOS = 1_000_000_000L;
    private static final int MAX_CACHED = 10_000;
    private final Database db;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, Cached> bearers = new ConcurrentHashMap<>();

    private record Cached(Principal principal, long expires) {
    }

    public Authenticator(Database db) {
        this.db = db;
    }

    /** The principal for an {@code Authorization} header value (null or empty means anonymous). Blocks. */
    public Principal authenticate(String authorization) {
        if (authorization == null || authorization.isEmpty()) {
            return Principal.ANONYMOUS;
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7) || authorization.length() < 8) {
            throw new SlipwayException(ErrorCode.AUTH_INVALID_TOKEN,
                    "The Authorization header must be 'Bearer <token>'");
        }
        // A polling client sends the same header again and again: remember its answer as long as the hash's,
        // so a cached request costs neither a database read nor a SHA-256.
        long now = System.nanoTime();
        Cached hit = bearers.get(authorization);
        if (hit != null && hit.expires - now > 0) {
            return hit.principal;
        }
        Principal p = byHash(Tokens.hash(authorization.substring(7).trim()));
        if (bearers.size() > MAX_CACHED) {
            bearers.clear();
        }
        bearers.put(authorization, new Cached(p, now + TTL_NANOS));
        return p;
    }

    /**
     * The principal whose token has SHA-256 {@code hash} (what a console session cookie or a koji session carries
     * instead of the token itself), with the same cache and revocation rules as a bearer token. Blocks.
     */
    public Principal byHash(String hash) {
        long now = System.nanoTime();
        Cached hit = cache.get(hash);
        if (hit != null && hit.expires - now > 0) {
            return hit.principal;
        }
        Principal p = db.tx(s -> lookup(s, hash));
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(hash, new Cached(p, now + TTL_NANOS));
        return p;
    }

    /** Forgets every cached answer (after a revocation or a role change on this hub). */
    public void invalidate() {
        cache.clear();
        bearers.clear();
    }

    private static Principal lookup(Session s, String hash) {
        List<TokenEntity> found = s.createSelectionQuery(
                "from TokenEntity where tokenHash = :h and revoked is null", TokenEntity.class)
                .setParameter("h", hash).getResultList();
        if (found.isEmpty()) {
            throw new SlipwayException(ErrorCode.AUTH_INVALID_TOKEN, "The bearer token is unknown or revoked");
        }
        TokenEntity t = found.get(0);
        if (t.hostId != null) {
            HostEntity h = s.get(HostEntity.class, t.hostId);
            return new Principal(Principal.Kind.HOST, h.id, h.name, Set.of(), Set.of());
        }
        UserEntity u = s.get(UserEntity.class, t.userId);
        Set<Role> roles = u.roles.isEmpty() ? Set.of()
                : EnumSet.copyOf(u.roles.stream().map(Role::parse).collect(Collectors.toSet()));
        Set<Long> groups = Set.copyOf(s.createSelectionQuery(
                "select g.id from GroupEntity g join g.memberIds m where m = :u", Long.class)
                .setParameter("u", u.id).getResultList());
        return new Principal(Principal.Kind.USER, u.id, u.name, roles, groups);
    }
}
