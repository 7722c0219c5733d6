package dev.slipway.registry.transport;

import java.io.IOException;
import java.net.URI;

/** Renders what a request tried for messages, e.g. {@code HEAD 127.0.0.1:5000/v2/app/manifests/1.0}. */
public final class Actions {
    private Actions() {
    }

    /**
     * Method, authority and path; the query is kept only when it says something useful ({@code mount}, {@code
     * digest}): upload URLs carry long opaque {@code _state} tokens that would drown the message.
     */
    public static String describe(String method, URI uri) {
        String query = uri.getRawQuery();
        boolean keepQuery = query != null && !query.contains("_state=");
        return method + " " + uri.getRawAuthority() + uri.getRawPath() + (keepQuery ? "?" + query : "");
    }

    /** An I/O failure in a few words (many JDK connection exceptions have no message). */
    public static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
