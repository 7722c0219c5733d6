package dev.slipway.common.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A Koji build identity: name, version and release. Version and release never contain '-', so the string form
 * {@code name-version-release} parses back unambiguously from the right.
 */
public record Nvr(String name, String version, String release) {
    /** OSBS's release rule: digits, then optional groups of an optional '.' or '_' and alphanumerics. */
    public static final Pattern RELEASE = Pattern.compile("^\\d+([._]?[a-zA-Z0-9]+)*$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9._+~^]+");

    public Nvr {
        String shown = name + "-" + version + "-" + release;
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_NVR, shown, "bad name");
        }
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_NVR, shown,
                    "version must be non-empty and may not contain '-'");
        }
        if (release == null || !RELEASE.matcher(release).matches()) {
            throw new InvalidValueException(ErrorCode.INVALID_NVR, shown,
                    "release must match " + RELEASE.pattern());
        }
    }

    /** Parses {@code name-version-release}; the name itself may contain dashes. */
    public static Nvr parse(String text) {
        if (text == null) {
            throw new InvalidValueException(ErrorCode.INVALID_NVR, "null", "no NVR given");
        }
        int r = text.lastIndexOf('-');
        int v = r > 0 ? text.lastIndexOf('-', r - 1) : -1;
        if (v <= 0) {
            throw new InvalidValueException(ErrorCode.INVALID_NVR, text, "expected name-version-release");
        }
        return new Nvr(text.substring(0, v), text.substring(v + 1, r), text.substring(r + 1));
    }

    /** The primary image tag, {@code version-release}. */
    public String versionRelease() {
        return version + "-" + release;
    }

    @Override
    public String toString() {
        return name + "-" + version + "-" + release;
    }
}
