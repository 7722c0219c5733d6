package dev.slipway.common.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Koji's release increment ({@code kojihub.get_next_release}): none → {@code 1}; {@code N} → {@code N+1};
 * exactly two dot-separated parts {@code N.dist} → {@code (N+1).dist}; exactly three parts {@code a.b.N} →
 * {@code a.b.(N+1)}; anything else (e.g. {@code 1.2.fc23}, {@code a.b.c.d}) cannot be bumped.
 *
 * <p>Decisions: numbers have no upper bound (Python's {@code int}, here {@link BigInteger}); an empty release counts
 * as none; a release that cannot be bumped is {@link ErrorCode#RELEASE_NOT_COMPUTABLE} on the hub and the worker
 * alike (the release itself is not invalid, Koji's rules just cannot continue it).
 */
public final class NextRelease {
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern RUN = Pattern.compile("\\d+|[^\\d]+");

    private NextRelease() {
    }

    /** The release after {@code latest}, or "1" when there is none. */
    public static String after(String latest) {
        if (latest == null || latest.isEmpty()) {
            return "1";
        }
        if (isNumber(latest)) {
            return plusOne(latest);
        }
        // split(..., -1) keeps empty parts, as Python's str.split('.') does.
        String[] parts = latest.split("\\.", -1);
        if (parts.length == 2 && isNumber(parts[0])) {
            return plusOne(parts[0]) + "." + parts[1];
        }
        if (parts.length == 3 && isNumber(parts[2])) {
            return parts[0] + "." + parts[1] + "." + plusOne(parts[2]);
        }
        throw new SlipwayException(ErrorCode.RELEASE_NOT_COMPUTABLE, "Cannot compute the release after '" + latest
                + "' (Koji bumps only N, N.dist and a.b.N); set a release label or pass a release (--release)");
    }

    /** The release after the highest of these, comparing digit runs as numbers (so 10 is above 9). */
    public static String afterAll(Collection<String> releases) {
        return after(releases.stream().max(NextRelease::compare).orElse(null));
    }

    private static int compare(String a, String b) {
        Matcher x = RUN.matcher(a);
        Matcher y = RUN.matcher(b);
        while (x.find()) {
            if (!y.find()) {
                return 1;
            }
            int c = compareRuns(x.group(), y.group());
            if (c != 0) {
                return c;
            }
        }
        return y.find() ? -1 : a.compareTo(b);
    }

    /** Numbers compare as numbers and rank above text, as in rpm's version comparison. */
    private static int compareRuns(String p, String q) {
        boolean pn = isNumber(p);
        boolean qn = isNumber(q);
        if (pn && qn) {
            return new BigInteger(p).compareTo(new BigInteger(q));
        }
        return pn == qn ? p.compareTo(q) : (pn ? 1 : -1);
    }

    private static boolean isNumber(String text) {
        return DIGITS.matcher(text).matches();
    }

    private static String plusOne(String digits) {
        return new BigInteger(digits).add(BigInteger.ONE).toString();
    }
}
