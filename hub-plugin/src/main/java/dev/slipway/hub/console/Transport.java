package dev.slipway.hub.console;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a request reached the hub over TLS, which decides the session cookie's {@code Secure} flag: the hub's
 * own listener was TLS, or a configured reverse proxy (and only such a proxy: anyone else can send the header)
 * says with {@code X-Forwarded-Proto: https} that the browser's connection to it was.
 */
final class Transport {
    private final Set<String> trustedProxies;

    Transport(List<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    /**
     * @param tls whether the connection to the hub is TLS
     * @param peer the connection's remote address (the proxy's, behind one)
     * @param forwardedProto the {@code X-Forwarded-Proto} header, or null
     */
    boolean secure(boolean tls, String peer, String forwardedProto) {
        if (tls) {
            return true;
        }
        if (peer == null || forwardedProto == null || !trustedProxies.contains(peer)) {
            return false;
        }
        // A chain of proxies lists one value per hop; the first is the browser's.
        return forwardedProto.split(",")[0].trim().toLowerCase(Locale.ROOT).equals("https");
    }
}
