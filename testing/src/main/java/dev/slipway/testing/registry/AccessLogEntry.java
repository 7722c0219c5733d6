package dev.slipway.testing.registry;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One request from the registry's access log (Apache combined format): method, request URI and status. */
public record AccessLogEntry(String method, String uri, int status) {
    private static final Pattern COMBINED = Pattern.compile(
            "^\\S+ \\S+ \\S+ \\[[^\\]]+\\] \"(\\S+) (\\S+) [^\"]*\" (\\d{3}) .*$");

    /** Parses one access log line; empty for lines in another format. */
    public static Optional<AccessLogEntry> parse(String line) {
        Matcher m = COMBINED.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AccessLogEntry(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }

    /** The URI without its query, e.g. {@code /v2/app/blobs/uploads/}. */
    public String path() {
        int query = uri.indexOf('?');
        return query >= 0 ? uri.substring(0, query) : uri;
    }

    /** True for this method on a path (without query) matching the regular expression. */
    public boolean is(String httpMethod, String pathRegex) {
        return method.equals(httpMethod) && path().matches(pathRegex);
    }

    @Override
    public String toString() {
        return method + " " + uri + " " + status;
    }
}
