package dev.slipway.hub.persistence;

import java.util.Set;
import java.util.TreeSet;

/**
 * One kind of write a committed transaction made: the statement's verb, its table, and for an update the columns
 * it set (empty when they could not be read, meaning any column).
 */
public record Write(Verb verb, String table, Set<String> columns) {
    public enum Verb { UPDATE, INSERT, DELETE, MERGE }

    public Write {
        columns = Set.copyOf(columns);
    }

    /** Whether this write may have changed a column of {@code table} other than {@code ignored}. */
    public boolean changes(String table, Set<String> ignored) {
        if (!this.table.equals(table)) {
            return false;
        }
        return verb != Verb.UPDATE || columns.isEmpty() || !ignored.containsAll(columns);
    }

    @Override
    public String toString() {
        return verb.name().toLowerCase() + " " + table + (columns.isEmpty() ? "" : new TreeSet<>(columns).toString());
    }
}
