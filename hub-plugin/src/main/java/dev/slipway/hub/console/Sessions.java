package dev.slipway.hub.console;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.auth.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Console sign-in sessions as signed, expiring cookies: {@code base64(tokenHash|expiresEpochSecond).hmac}. Why
 * stateless: every hub process behind one address honours a session made by another as long as they share the
 * configured key, with no new table and no write per sign-in; the cookie carries the token's SHA-256 (never the
 * token), and each request resolves it through the {@link Authenticator} like a bearer token, so revoking the
 * token ends its console sessions within the authenticator's one-second cache.
 *
 * <p>CSRF tokens are HMACs of the visitor's session cookie (or, before sign-in, of a random pre-session cookie),
 * so a form is accepted only from the browser the page was rendered for.
 */
public final class Sessions {
    /** The session cookie (HttpOnly, SameSite=Strict, Secure under TLS). */
    public static final String COOKIE = "slipway_session";
    /** A random value binding the sign-in form's CSRF token before there is a session. */
    public static final String PRE_COOKIE = "slipway_presession";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private final Authenticator auth;
    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key the shared HMAC key, or null for a random per-process key
     */
    public Sessions(Authenticator auth, String key, Duration ttl, Clock clock) {
        this.auth = auth;
        byte[] k = new byte[32];
        if (key == null) {
            random.nextBytes(k);
        } else {
            k = key.getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    /** The cookie value for a sign-in with {@code token}; the token must be a user's (host tokens are refused). */
    public String signIn(String token) {
        if (token == null || token.isBlank()) {
            throw new SlipwayException(ErrorCode.AUTH_REQUIRED, "Paste an API token to sign in");
        }
        Principal p = auth.authenticate("Bearer " + token.trim());
        if (!p.isUser()) {
            throw new SlipwayException(ErrorCode.HOST_TOKEN_NOT_ALLOWED, "A host token cannot sign in to the console");
        }
        String payload = Tokens.hash(token.trim()) + "|" + clock.instant().plus(ttl).getEpochSecond();
        String body = B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + mac("session|" + body);
    }

    /** A fresh random pre-session value. */
    public String preSession() {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return B64.encodeToString(b);
    }

    /**
     * The visitor for a request's cookies (blocks: resolves the session's token). An invalid, expired or revoked
     * session is anonymous.
     */
    public Visitor visitor(String sessionCookie, String preCookie) {
        Optional<String> hash = tokenHash(sessionCookie);
        if (hash.isPresent()) {
            try {
                Principal p = auth.byHash(hash.get());
                if (p.isUser()) {
                    return new Visitor(p, csrf(sessionCookie));
                }
            } catch (SlipwayException e) {
                if (e.code() != ErrorCode.AUTH_INVALID_TOKEN) {
                    throw e;
                }
            }
        }
        return new Visitor(Principal.ANONYMOUS, preCookie == null || preCookie.isEmpty() ? null : csrf(preCookie));
    }

    /** Whether {@code given} is the CSRF token of this visitor (constant-time). */
    public static boolean csrfMatches(Visitor v, String given) {
        return v.csrf() != null && given != null && MessageDigest.isEqual(
                v.csrf().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<String> tokenHash(String cookie) {
        if (cookie == null) {
            return Optional.empty();
        }
        int dot = cookie.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String body = cookie.substring(0, dot);
        if (!MessageDigest.isEqual(mac("session|" + body).getBytes(StandardCharsets.UTF_8),
                cookie.substring(dot + 1).getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        String[] parts;
        try {
            parts = new String(B64D.decode(body), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (parts.length != 2 || Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(parts[0]);
    }

    private String csrf(String binding) {
        return mac("csrf|" + binding);
    }

    private String mac(String text) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(key);
            return B64.encodeToString(m.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
