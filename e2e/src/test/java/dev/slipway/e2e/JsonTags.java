package dev.slipway.e2e;

import dev.slipway.common.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Reads {@code skopeo list-tags} output. */
final class JsonTags {
    private JsonTags() {
    }

    static long count(String listTags) {
        try {
            return Json.mapper().readTree(listTags).path("Tags").size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
