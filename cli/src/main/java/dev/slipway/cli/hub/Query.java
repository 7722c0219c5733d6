package dev.slipway.cli.hub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A URL query string built from the options a verb was given; absent (null) values are left out. */
public final class Query {
    private final StringBuilder text = new StringBuilder();

    public Query add(String name, String value) {
        if (value != null) {
            text.append(text.length() == 0 ? "" : "&").append(name).append('=').append(encode(value));
        }
        return this;
    }

    /** One path segment, encoded ({@code a b} -> {@code a%20b}). */
    public static String segment(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
