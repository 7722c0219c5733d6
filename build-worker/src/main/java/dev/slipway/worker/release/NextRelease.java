package dev.slipway.worker.release;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Koji's release increment ({@code get_next_release}): none → {@code 1}; {@code N} → {@code N+1};
 * {@code N.dist} → {@code (N+1).dist}; {@code a.b.N} → {@code a.b.(N+1)}; anything else cannot be bumped.
 */
public final class NextRelease {
    private static final Pattern LEADING = Pattern.compile("^(\\d+)(\\..*)?$");
    private static final Pattern DOTTED = Pattern.compile("^(.*\\.)(\\d+)$");

    private NextRelease() {
    }

    /** The release after {@code latest}, or "1" when there is none. */
    public static String after(String latest) {
        if (latest == null) {
            return "1";
        }
        Matcher m = LEADING.matcher(latest);
        if (m.matches()) {
            return (Long.parseLong(m.group(1)) + 1) + (m.group(2) == null ? "" : m.group(2));
        }
        Matcher d = DOTTED.matcher(latest);
        if (d.matches()) {
            return d.group(1) + (Long.parseLong(d.group(2)) + 1);
        }
        throw new SlipwayException(ErrorCode.INVALID_RELEASE, "Cannot compute the release after '" + latest
                + "'; set a release label or pass --release");
    }

    /** The release after the highest of these (ordered by their leading number, then text). */
    public static String afterAll(Collection<String> releases) {
        Optional<String> latest = releases.stream().max(Comparator.comparingLong(NextRelease::leadingNumber)
                .thenComparing(Comparator.naturalOrder()));
        return after(latest.orElse(null));
    }

    private static long leadingNumber(String release) {
        Matcher m = Pattern.compile("^(\\d+)").matcher(release);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
