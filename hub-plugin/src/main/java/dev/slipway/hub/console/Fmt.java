package dev.slipway.hub.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the console writes times, durations, sizes and JSON (pure functions the templates call). */
public final class Fmt {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fmt() {
    }

    /** An instant in UTC, or an empty string. */
    public static String time(Instant t) {
        return t == null ? "" : TIME.format(t);
    }

    /** An instant in UTC, or {@code otherwise} when there is none (e.g. "not yet"). */
    public static String time(Instant t, String otherwise) {
        return t == null ? otherwise : TIME.format(t);
    }

    /** A duration as {@code 1h 02m 03s}. */
    public static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(from, to).toSeconds());
        return s >= 3600 ? String.format("%dh %02dm %02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format("%dm %02ds", s / 60, s % 60) : s + "s";
    }

    /** How long ago {@code t} was. */
    public static String ago(Instant t, Instant now) {
        return t == null ? "never" : duration(t, now) + " ago";
    }

    /** A byte count in binary units. */
    public static String bytes(Long n) {
        if (n == null) {
            return "";
        }
        double v = n;
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format("%.1f %s", v, units[u]);
    }

    /** Indented JSON for a parameters or result block, without the options left unset (null or empty lists). */
    public static String json(JsonNode node) {
        if (node == null) {
            return "";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(withoutUnset(node.deepCopy()));
        } catch (JsonProcessingException e) {
            return node.toString();
        }
    }

    private static JsonNode withoutUnset(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.properties().removeIf(e -> e.getValue().isNull()
                    || e.getValue().isArray() && e.getValue().isEmpty());
            object.forEach(Fmt::withoutUnset);
        } else if (node.isArray()) {
            node.forEach(Fmt::withoutUnset);
        }
        return node;
    }

    /** A load or capacity: whole numbers without a fraction, others with one decimal; "?" when unknown. */
    public static String num(Double d) {
        if (d == null) {
            return "?";
        }
        return d == Math.rint(d) ? String.valueOf(d.longValue()) : String.format(Locale.ROOT, "%.1f", d);
    }

    /**
     * A count with its noun, in the singular for exactly one: {@code 1 image}, {@code 2 images}, {@code 0 images}.
     * Every count the console prints goes through here (or {@link #count(long, String, String)}).
     */
    public static String count(long n, String noun) {
        return count(n, noun, noun + "s");
    }

    /** A count with its noun, for a noun whose plural is not the singular plus "s". */
    public static String count(long n, String singular, String plural) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? singular : plural);
    }

    /** A URL query value, percent-encoded. */
    public static String q(String v) {
        return v == null ? "" : URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
