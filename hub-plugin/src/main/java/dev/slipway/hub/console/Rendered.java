package dev.slipway.hub.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A console answer computed off the event loop: a rendered page with its status, or a redirect (303 after a
 * form), optionally setting or clearing the session cookie.
 *
 * @param cookie the new session cookie value, "" to clear it, null to leave it
 */
record Rendered(int status, String html, String location, String cookie) {
    static Rendered ok(String html) {
        return new Rendered(200, html, null, null);
    }

    static Rendered redirect(String location) {
        return new Rendered(303, null, location, null);
    }

    Rendered withCookie(String value) {
        return new Rendered(status, html, location, value);
    }

    static Map<String, Object> params(Object... kv) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
