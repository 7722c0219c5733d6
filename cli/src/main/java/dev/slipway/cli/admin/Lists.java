package dev.slipway.cli.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** A JSON array of strings as one comma-separated column of a table. */
final class Lists {
    private Lists() {
    }

    static String join(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(n -> items.add(n.asText()));
        return items.isEmpty() ? "-" : String.join(",", items);
    }
}
