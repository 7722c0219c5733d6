package dev.slipway.e2e;

import dev.slipway.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads {@code skopeo list-tags} output. */
final class JsonTags {
    private JsonTags() {
    }

    /** How many tags start with {@code prefix}. */
    static long count(String listTags, String prefix) {
        try {
            long n = 0;
            for (var t : Json.mapper().readTree(listTags).path("Tags")) {
                n += t.asText().startsWith(prefix) ? 1 : 0;
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
