package dev.slipway.release.sbom;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Hands out identifiers made from readable text, restricted to a safe alphabet and made unique by a counter suffix
 * on collision; given the same texts in the same order it gives the same ids, which keeps SBOM bytes stable.
 */
final class StableIds {
    private final String prefix;
    private final Set<String> used = new HashSet<>();
    private final Map<String, String> byKey = new HashMap<>();

    StableIds(String prefix) {
        this.prefix = prefix;
    }

    /** The id for {@code key}, the same one every time the same key is asked for. */
    String idFor(String key) {
        return byKey.computeIfAbsent(key, this::fresh);
    }

    /** A new id made from {@code text}, never handed out before (a repeated text gets a counter suffix). */
    String fresh(String text) {
        String base = prefix + text.replaceAll("[^A-Za-z0-9.-]", "-");
        String id = base;
        for (int n = 2; !used.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }
}
