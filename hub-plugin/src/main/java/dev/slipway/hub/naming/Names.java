package dev.slipway.hub.naming;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.SourceSpec;
import java.util.regex.Pattern;

/** The one rule for names of packages, tags, targets, channels, hosts, users and groups (Koji-like). */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+@-]{0,127}");
    private static final Pattern ARCH = Pattern.compile("[a-z0-9_]{1,32}");

    private Names() {
    }

    /** Returns {@code value} or throws BAD_NAME saying what it was for. */
    public static String check(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new SlipwayException(ErrorCode.BAD_NAME, "Invalid " + what + " '" + shorten(value)
                    + "': names are 1-128 characters of letters, digits and ._+@- starting with a letter or digit");
        }
        return value;
    }

    /** Returns {@code value} or throws BAD_NAME: arches are lower-case words such as x86_64 or aarch64. */
    public static String arch(String value) {
        if (value == null || !ARCH.matcher(value).matches()) {
            throw new SlipwayException(ErrorCode.BAD_NAME, "Invalid arch '" + shorten(value)
                    + "': arches are 1-32 lower-case letters, digits or '_'");
        }
        return value;
    }

    /** The component a source builds, its repository name; throws BAD_NAME when that is not a valid name. */
    public static String component(SourceSpec source) {
        return check("component (repository name)", source.component());
    }

    /** {@code value} cut to 80 characters for a message ("null" for none). */
    public static String shorten(String value) {
        if (value == null) {
            return "null";
        }
        return value.length() > 80 ? value.substring(0, 80) + "..." : value;
    }
}
