package dev.slipway.common.content;

/**
 * RPM's version comparison: {@code rpmvercmp} (segments of digits or letters, numeric segments compared as
 * numbers, '~' sorting before anything and '^' after the base but before anything else) and EVR ordering. In
 * {@code common} so the hub, the CLI and the console order package versions alike.
 *
 * @see <a href="https://github.com/rpm-software-management/rpm/blob/master/rpmio/rpmvercmp.cc">rpmvercmp</a>
 */
public final class RpmVersion {
    private RpmVersion() {
    }

    /** Compares two version (or release) strings as rpm does: negative, zero or positive. */
    public static int compare(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && separator(a.charAt(i))) {
                i++;
            }
            while (j < b.length() && separator(b.charAt(j))) {
                j++;
            }
            char ca = i < a.length() ? a.charAt(i) : 0;
            char cb = j < b.length() ? b.charAt(j) : 0;
            if (ca == '~' || cb == '~') {
                if (ca != '~') {
                    return 1;
                }
                if (cb != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == '^' || cb == '^') {
                if (ca == 0) {
                    return -1;
                }
                if (cb == 0) {
                    return 1;
                }
                if (ca != '^') {
                    return 1;
                }
                if (cb != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (ca == 0 || cb == 0) {
                break;
            }
            boolean numeric = digit(ca);
            int ei = end(a, i, numeric);
            int ej = end(b, j, numeric);
            if (ej == j) {
                // Segments of different kinds: a number is newer than letters.
                return numeric ? 1 : -1;
            }
            String sa = a.substring(i, ei);
            String sb = b.substring(j, ej);
            if (numeric) {
                sa = stripZeros(sa);
                sb = stripZeros(sb);
                if (sa.length() != sb.length()) {
                    return sa.length() > sb.length() ? 1 : -1;
                }
            }
            int rc = sa.compareTo(sb);
            if (rc != 0) {
                return rc < 0 ? -1 : 1;
            }
            i = ei;
            j = ej;
        }
        boolean aDone = i >= a.length();
        boolean bDone = j >= b.length();
        if (aDone && bDone) {
            return 0;
        }
        return aDone ? -1 : 1;
    }

    /** Compares epoch (null = 0), then version, then release (a null release compares equal to any). */
    public static int compareEvr(Integer e1, String v1, String r1, Integer e2, String v2, String r2) {
        int byEpoch = Integer.compare(e1 == null ? 0 : e1, e2 == null ? 0 : e2);
        if (byEpoch != 0) {
            return byEpoch;
        }
        int byVersion = compare(v1, v2);
        if (byVersion != 0 || r1 == null || r2 == null) {
            return byVersion;
        }
        return compare(r1, r2);
    }

    private static boolean separator(char c) {
        return !(alpha(c) || digit(c)) && c != '~' && c != '^';
    }

    private static int end(String s, int from, boolean numeric) {
        int k = from;
        while (k < s.length() && (numeric ? digit(s.charAt(k)) : alpha(s.charAt(k)))) {
            k++;
        }
        return k;
    }

    private static String stripZeros(String s) {
        int k = 0;
        while (k < s.length() - 1 && s.charAt(k) == '0') {
            k++;
        }
        return s.charAt(k) == '0' ? "" : s.substring(k);
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
