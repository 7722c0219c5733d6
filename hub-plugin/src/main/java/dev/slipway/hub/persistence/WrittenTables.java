package dev.slipway.hub.persistence;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Which tables a transaction wrote, seen in every statement Hibernate prepares for it (entity flushes, HQL and
 * native mutation queries alike: every write the hub makes goes through a session). A write anywhere in the
 * statement counts (a CTE's); a false match (the alias after {@code for update of}) only makes a reader of that
 * name re-read once. The statements of one
 * transaction run on the thread that called {@link Database#tx}, so the tables collect per thread between
 * {@link #begin} and {@link #end}; nested transactions each collect their own.
 */
final class WrittenTables implements StatementInspector {
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:update|insert\\s+into|delete\\s+from|merge\\s+into)\\s+\"?([a-z_][a-z0-9_]*)",
            Pattern.CASE_INSENSITIVE);
    private final ThreadLocal<Set<String>> current = new ThreadLocal<>();

    @Override
    public String inspect(String sql) {
        Set<String> tables = current.get();
        if (tables != null) {
            Matcher m = WRITE.matcher(sql);
            if (m.find()) {
                tables.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return sql;
    }

    /** Starts collecting for a transaction on this thread; returns what an enclosing one collected so far. */
    Set<String> begin() {
        Set<String> outer = current.get();
        current.set(new HashSet<>());
        return outer;
    }

    /** Stops collecting for this thread's transaction, giving back its tables, and resumes the enclosing one. */
    Set<String> end(Set<String> outer) {
        Set<String> written = current.get();
        if (outer == null) {
            current.remove();
        } else {
            current.set(outer);
        }
        return written == null ? Set.of() : written;
    }
}
