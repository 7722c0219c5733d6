package dev.slipway.hub.build;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Koji's {@code get_next_release} increment: none -> {@code 1}; {@code N} -> {@code N+1}; {@code N.dist} ->
 * {@code (N+1).dist}; {@code a.b.N} -> {@code a.b.(N+1)}; anything else cannot be bumped.
 */
public final class NextRelease {
    private static final Pattern LEADING = Pattern.compile("^(\\d+)(\\.[^.]*)?$");
    private static final Pattern TRAILING = Pattern.compile("^([^.]*\\.[^.]*\\.)(\\d+)$");

    private NextRelease() {
    }

    /** The release after {@code latest} (null when there is none). */
    public static String after(String latest) {
        if (latest == null) {
            return "1";
        }
        Matcher m = LEADING.matcher(latest);
        if (m.matches()) {
            return (Long.parseLong(m.group(1)) + 1) + (m.group(2) == null ? "" : m.group(2));
        }
        Matcher d = TRAILING.matcher(latest);
        if (d.matches()) {
            return d.group(1) + (Long.parseLong(d.group(2)) + 1);
        }
        throw new SlipwayException(ErrorCode.RELEASE_NOT_COMPUTABLE, "Cannot compute the release after '" + latest
                + "' (Koji bumps only N, N.dist and a.b.N); set a release label or pass a release");
    }
}
