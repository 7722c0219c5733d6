package dev.slipway.hub.build;

import dev.slipway.common.content.RpmVersion;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.regex.Pattern;

/** An {@code [epoch:]version[-release]} bound, as given to {@code ?older-than=}. */
public record Evr(Integer epoch, String version, String release) {
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9._+~^]+");

    /** Parses {@code E:V-R}, {@code V-R} or {@code V}; throws BAD_PARAMETER otherwise. */
    public static Evr parse(String text) {
        String rest = text == null ? "" : text;
        Integer epoch = null;
        int colon = rest.indexOf(':');
        try {
            if (colon >= 0) {
                epoch = Integer.parseInt(rest.substring(0, colon));
                rest = rest.substring(colon + 1);
            }
        } catch (NumberFormatException e) {
            throw bad(text);
        }
        int dash = rest.lastIndexOf('-');
        String version = dash < 0 ? rest : rest.substring(0, dash);
        String release = dash < 0 ? null : rest.substring(dash + 1);
        if (!PART.matcher(version).matches() || (release != null && !PART.matcher(release).matches())
                || (epoch != null && epoch < 0)) {
            throw bad(text);
        }
        return new Evr(epoch, version, release);
    }

    /** True when the given package EVR sorts strictly below this bound. */
    public boolean isAbove(Integer e, String v, String r) {
        return RpmVersion.compareEvr(e, v, r, epoch, version, release) < 0;
    }

    private static SlipwayException bad(String text) {
        return new SlipwayException(ErrorCode.BAD_PARAMETER,
                "older-than '" + text + "' must be [epoch:]version[-release], e.g. 3.0.9-2");
    }
}
