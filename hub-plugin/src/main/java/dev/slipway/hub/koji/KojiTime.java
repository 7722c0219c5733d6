package dev.slipway.hub.koji;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as koji's hub sends them: text like {@code 2026-12-02 03:44:49.260218+00:00} (Python's
 * {@code isoformat(' ')}) and {@code *_ts} fields as seconds since the epoch.
 */
final class KojiTime {
    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx")
            .withZone(ZoneOffset.UTC);

    private KojiTime() {
    }

    /** The text form, or null. */
    static String text(Instant t) {
        return t == null ? null : TEXT.format(t);
    }

    /** Seconds since the epoch with microseconds, or null. */
    static Double ts(Instant t) {
        return t == null ? null : t.getEpochSecond() + t.getNano() / 1000 / 1_000_000.0;
    }
}
