package dev.slipway.cli.hub;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * What every listing verb shares (a picocli mixin): the paging options {@code --offset}, {@code --limit} and
 * {@code --json}, and how a page of the hub prints: a table with a heading, then "N of M things".
 */
public final class Listing {
    @Option(names = "--offset", defaultValue = "0", description = "Skip this many (default: 0)")
    int offset;

    @Option(names = "--limit", defaultValue = "50", description = "At most this many (default: 50)")
    int limit;

    @Option(names = "--json", description = "Print the hub's page: {items: [...], total, offset, limit}")
    boolean json;

    /** One column of the table: its heading, its width (the last column is not padded) and its text for an item. */
    public record Column(String heading, int width, Function<JsonNode, String> text) {
    }

    /** {@code filters} with this page's offset and limit: the query string of the hub's list call. */
    public String query(Query filters) {
        return filters.add("offset", String.valueOf(offset)).add("limit", String.valueOf(limit)).toString();
    }

    /**
     * Prints {@code page} ({@code {items, total, offset, limit}}): as the hub's JSON with {@code --json}, else as a
     * table and a count line ({@code noun} and {@code plural} name one item and several).
     */
    public int print(PrintWriter out, JsonNode page, List<Column> columns, String noun, String plural) {
        if (json) {
            return JsonOut.print(out, page);
        }
        out.println(row(columns, Column::heading));
        for (JsonNode item : page.path("items")) {
            out.println(row(columns, c -> c.text().apply(item)));
        }
        long total = page.path("total").asLong();
        out.println(page.path("items").size() + " of " + total + " " + (total == 1 ? noun : plural));
        return 0;
    }

    private static String row(List<Column> columns, Function<Column, String> cell) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            String text = cell.apply(columns.get(i));
            line.append(i == columns.size() - 1 ? text : String.format("%-" + columns.get(i).width() + "s ", text));
        }
        return line.toString();
    }
}
