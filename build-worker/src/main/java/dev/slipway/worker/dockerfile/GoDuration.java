package dev.slipway.worker.dockerfile;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Reads a duration written as Go's {@code time.ParseDuration} reads it ({@code 30s}, {@code 1m30s}, {@code 1.5h},
 * {@code 500ms}): the format of HEALTHCHECK's {@code --interval}, {@code --timeout} and {@code --start-period}.
 *
 * @see <a href="https://pkg.go.dev/time#ParseDuration">time.ParseDuration</a>
 */
final class GoDuration {
    static final long MILLISECOND = 1_000_000L;
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L,
            "\u03bcs", 1_000L, "ms", MILLISECOND, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private GoDuration() {
    }

    /** The duration in nanoseconds; IllegalArgumentException with Go's wording when it is not one. */
    static long nanos(String text) {
        String s = text;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return 0;
        }
        if (s.isEmpty()) {
            throw invalid(text);
        }
        BigDecimal total = BigDecimal.ZERO;
        int pos = 0;
        while (pos < s.length()) {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                pos++;
            }
            boolean before = pos > start;
            if (pos < s.length() && s.charAt(pos) == '.') {
                pos++;
            }
            int fraction = pos;
            while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                pos++;
            }
            if (!before && pos == fraction) {
                throw invalid(text);
            }
            String number = s.substring(start, pos);
            int unitStart = pos;
            while (pos < s.length() && s.charAt(pos) != '.' && (s.charAt(pos) < '0' || s.charAt(pos) > '9')) {
                pos++;
            }
            String unit = s.substring(unitStart, pos);
            if (unit.isEmpty()) {
                throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
            }
            Long scale = UNITS.get(unit);
            if (scale == null) {
                throw new IllegalArgumentException("time: unknown unit \"" + unit + "\" in duration \"" + text
                        + "\"");
            }
            BigDecimal value = new BigDecimal(number.endsWith(".") ? number + "0" : number.startsWith(".")
                    ? "0" + number : number);
            total = total.add(value.multiply(BigDecimal.valueOf(scale)));
            if (total.compareTo(MAX) > 0) {
                throw invalid(text);
            }
        }
        long result = total.longValue();
        return negative ? -result : result;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
}
