package dev.slipway.hub.console;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Renders a page inside the layout, and reads the query parameters every listing shares. */
final class Templates {
    /** Rows per page of every list. */
    static final int PAGE_SIZE = 50;
    private final Renderer renderer = new Renderer();

    /** {@code console/<template>.jte} in the layout, with {@code kv} as name-value pairs. */
    Rendered render(String template, Visitor v, String title, String tab, Object... kv) {
        Map<String, Object> params = new LinkedHashMap<>(Rendered.params(kv));
        params.put("chrome", new Chrome(title, tab, v));
        return Rendered.ok(renderer.render(template, params));
    }

    /** A trimmed query parameter, null when absent or blank. */
    static String text(Function<String, String> q, String name) {
        String v = q.apply(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The {@code offset} parameter of a paged list. */
    static int offset(Function<String, String> q) {
        String v = q.apply("offset");
        try {
            return v == null || v.isBlank() ? 0 : Math.min(1_000_000, Math.max(0, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "offset must be a number");
        }
    }

    /** The query string for {@code offset} with the given filters (absent ones left out). */
    static String query(int offset, String... kv) {
        StringBuilder sb = new StringBuilder("?offset=").append(Math.max(0, offset));
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                sb.append('&').append(kv[i]).append('=').append(Fmt.q(kv[i + 1]));
            }
        }
        return sb.toString();
    }
}
