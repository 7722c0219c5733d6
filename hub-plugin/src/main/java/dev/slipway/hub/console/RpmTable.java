package dev.slipway.hub.console;

import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.content.RpmVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * An image's RPM table as the server renders it without script: filtered on one column (or all) by a substring,
 * sorted on one column (versions and releases by rpmvercmp, epochs as numbers). The page's script does the same
 * in the browser without a reload.
 *
 * @param field the column filtered on, or {@code all}
 * @param text the filter text, or null
 * @param sort the column sorted on
 * @param descending the sort direction
 */
public record RpmTable(String field, String text, String sort, boolean descending) {
    /** The columns, in table order: their parameter names. */
    public static final List<String> COLUMNS = List.of("name", "epoch", "version", "release", "arch", "signature",
            "license");

    public RpmTable {
        field = field == null || !COLUMNS.contains(field) ? "all" : field;
        text = text == null || text.isBlank() ? null : text.trim();
        sort = sort == null || !COLUMNS.contains(sort) ? "name" : sort;
    }

    /** The table's settings from the query parameters {@code rpm-field}, {@code rpm}, {@code sort}, {@code dir}. */
    static RpmTable from(Function<String, String> q) {
        return new RpmTable(q.apply("rpm-field"), q.apply("rpm"), q.apply("sort"), "desc".equals(q.apply("dir")));
    }

    /** The rows to show, filtered and sorted. */
    public List<RpmComponent> apply(List<RpmComponent> rows) {
        Comparator<RpmComponent> order = comparator(sort);
        return rows.stream().filter(this::matches).sorted(descending ? order.reversed() : order).toList();
    }

    /** The query string that sorts on {@code column} (toggling the direction when it is the current one). */
    public String sortLink(String column) {
        boolean desc = column.equals(sort) && !descending;
        return Templates.query(0, "rpm-field", text == null ? null : field, "rpm", text, "sort", column, "dir",
                desc ? "desc" : null).replace("?offset=0&", "?").replace("?offset=0", "?");
    }

    private boolean matches(RpmComponent r) {
        if (text == null) {
            return true;
        }
        String needle = text.toLowerCase(Locale.ROOT);
        List<String> cells = field.equals("all") ? COLUMNS.stream().map(c -> cell(r, c)).toList()
                : List.of(cell(r, field));
        return cells.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(needle));
    }

    /** A row's text in one column, as the table shows it. */
    public static String cell(RpmComponent r, String column) {
        Object v = switch (column) {
            case "name" -> r.name();
            case "epoch" -> r.epoch();
            case "version" -> r.version();
            case "release" -> r.release();
            case "arch" -> r.arch();
            case "signature" -> r.signature();
            case "license" -> r.license();
            default -> throw new IllegalArgumentException(column);
        };
        return v == null ? "" : String.valueOf(v);
    }

    private static Comparator<RpmComponent> comparator(String column) {
        Comparator<RpmComponent> byName = Comparator.comparing(r -> Objects.toString(r.name(), ""));
        Comparator<RpmComponent> first = switch (column) {
            case "epoch" -> Comparator.comparingInt(r -> r.epoch() == null ? 0 : r.epoch());
            case "version" -> (a, b) -> RpmVersion.compare(Objects.toString(a.version(), ""),
                    Objects.toString(b.version(), ""));
            case "release" -> (a, b) -> RpmVersion.compare(Objects.toString(a.release(), ""),
                    Objects.toString(b.release(), ""));
            default -> Comparator.comparing(r -> cell(r, column).toLowerCase(Locale.ROOT));
        };
        return first.thenComparing(byName);
    }
}
