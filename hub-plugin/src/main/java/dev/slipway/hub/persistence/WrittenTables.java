package dev.slipway.hub.persistence;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * What a transaction wrote, seen in every statement Hibernate prepares for it (entity flushes, HQL and native
 * mutation queries alike: every write the hub makes goes through a session). A write anywhere in the statement
 * counts (a CTE's); a false match only makes a reader re-read once. The statements of one transaction run on the
 * thread that called {@link Database#tx}, so writes collect per thread between {@link #begin} and {@link #end};
 * nested transactions each collect their own.
 */
final class WrittenTables implements StatementInspector {
    private static final Pattern WRITE = Pattern.compile(
            "\\b(update|insert\\s+into|delete\\s+from|merge\\s+into)\\s+\"?([a-z_][a-z0-9_]*)\"?(?:\\s+(?!set\\b)[a-z0-9_]+)?"
                    + "(?:\\s+set\\s+(.*?)(?:\\s+where\\b|$))?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ASSIGNED = Pattern.compile("\"?([a-z_][a-z0-9_]*)\"?\\s*=", Pattern.CASE_INSENSITIVE);
    private final ThreadLocal<Set<Write>> current = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        Set<Write> writes = current.get();
        if (writes != null) {
            Matcher m = WRITE.matcher(sql);
            while (m.find()) {
                writes.add(write(m));
            }
        }
        return sql;
    }

    private static Write write(Matcher m) {
        String verb = m.group(1).toLowerCase(Locale.ROOT).split("\\s+")[0];
        String table = m.group(2).toLowerCase(Locale.ROOT);
        Set<String> columns = Set.of();
        if (verb.equals("update") && m.group(3) != null) {
            Matcher a = ASSIGNED.matcher(m.group(3));
            Set<String> found = new HashSet<>();
            while (a.find()) {
                found.add(a.group(1).toLowerCase(Locale.ROOT));
            }
            columns = Set.copyOf(found);
        }
        return new Write(Write.Verb.valueOf(verb.toUpperCase(Locale.ROOT)), table, columns);
    }

    /** The writes of this thread's transaction so far, or empty outside one. */
    Set<Write> current() {
        Set<Write> writes = current.get();
        return writes == null ? Set.of() : Set.copyOf(writes);
    }

    /** Starts collecting for a transaction on this thread; returns what an enclosing one collected so far. */
    Set<Write> begin() {
        Set<Write> outer = current.get();
        current.set(new HashSet<>());
        return outer;
    }

    /** Stops collecting for this thread's transaction, giving back its writes, and resumes the enclosing one. */
    Set<Write> end(Set<Write> outer) {
        Set<Write> written = current.get();
        if (outer == null) {
            current.remove();
        } else {
            current.set(outer);
        }
        return written == null ? Set.of() : written;
    }
}
