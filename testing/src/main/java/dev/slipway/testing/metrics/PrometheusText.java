package dev.slipway.testing.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): every line must be a comment, a HELP or TYPE line
 * or a well-formed sample; a family's TYPE comes before its samples, its samples are not interleaved with another
 * family's, no series appears twice, and histograms carry ordered cumulative buckets ending at {@code +Inf} that
 * agree with {@code _count}. Anything else is an {@link IllegalArgumentException} naming the line.
 */
public final class PrometheusText {
    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");
    private final Map<String, String> types = new LinkedHashMap<>();
    private final List<Sample> samples = new ArrayList<>();

    /** One sample line: the metric name, its labels (sorted by name) and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    /** Parses {@code text} or fails with the first offending line. */
    public static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText();
        Set<String> help = new HashSet<>();
        Set<String> series = new HashSet<>();
        Set<String> families = new HashSet<>();
        String family = null;
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            try {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                    String[] parts = line.substring(7).split(" ", 2);
                    require(METRIC.matcher(parts[0]).matches(), "bad metric name " + parts[0]);
                    if (line.startsWith("# HELP ")) {
                        require(help.add(parts[0]), "second HELP for " + parts[0]);
                    } else {
                        require(parts.length == 2 && TYPES.contains(parts[1]), "bad TYPE " + line);
                        require(!p.types.containsKey(parts[0]), "second TYPE for " + parts[0]);
                        require(!families.contains(parts[0]), "TYPE after samples of " + parts[0]);
                        p.types.put(parts[0], parts[1]);
                    }
                    continue;
                }
                if (line.startsWith("#")) {
                    continue;
                }
                Sample s = sample(line);
                String f = p.familyOf(s.name());
                if (!f.equals(family)) {
                    require(families.add(f), "samples of " + f + " are not together");
                    family = f;
                }
                require(series.add(s.name() + s.labels()), "duplicate series " + s.name() + s.labels());
                p.samples.add(s);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new IllegalArgumentException("Prometheus text line " + n + " (" + line + "): " + e.getMessage(), e);
            }
        }
        require(text.isEmpty() || text.endsWith("\n"), "the exposition must end with a line feed");
        p.checkHistograms();
        return p;
    }

    /** The TYPE declared for a family, or null. */
    public String type(String family) {
        return types.get(family);
    }

    /** Every sample of {@code name}. */
    public List<Sample> samples(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample of {@code name} whose labels include {@code labels} (name, value pairs). */
    public OptionalDouble value(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Sample> hits = samples(name).stream()
                .filter(s -> s.labels().entrySet().containsAll(wanted.entrySet())).toList();
        require(hits.size() <= 1, "more than one " + name + " sample has " + wanted + ": " + hits);
        return hits.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(hits.get(0).value());
    }

    private String familyOf(String name) {
        for (String suffix : List.of("_bucket", "_sum", "_count", "_total", "_created")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return name;
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC.matcher(name).matches(), "bad metric name '" + name + "'");
        Map<String, String> labels = new TreeMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                require(eq > i, "label without '='");
                String label = line.substring(i, eq);
                require(LABEL.matcher(label).matches() && !label.startsWith("__"), "bad label name '" + label + "'");
                require(line.charAt(eq + 1) == '"', "label value not quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                for (; line.charAt(j) != '"'; j++) {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char e = line.charAt(++j);
                        require(e == '\\' || e == '"' || e == 'n', "bad escape \\" + e);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(c);
                    }
                }
                require(labels.put(label, value.toString()) == null, "label " + label + " twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                } else {
                    require(line.charAt(i) == '}', "expected ',' or '}'");
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', "no value");
        String[] rest = line.substring(i + 1).split(" ", -1);
        require(rest.length == 1 || rest.length == 2 && rest[1].matches("-?[0-9]+"), "bad value or timestamp");
        return new Sample(name, Map.copyOf(labels), number(rest[0]));
    }

    private static double number(String text) {
        switch (text) {
            case "NaN" -> {
                return Double.NaN;
            }
            case "+Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> {
                require(text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?"), "bad number " + text);
                return Double.parseDouble(text);
            }
        }
    }

    private void checkHistograms() {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            Map<Map<String, String>, List<Sample>> bySeries = new LinkedHashMap<>();
            for (Sample b : samples(family + "_bucket")) {
                require(b.labels().containsKey("le"), family + "_bucket without le");
                Map<String, String> rest = new TreeMap<>(b.labels());
                rest.remove("le");
                bySeries.computeIfAbsent(rest, k -> new ArrayList<>()).add(b);
            }
            bySeries.forEach((labels, buckets) -> {
                double le = Double.NEGATIVE_INFINITY;
                double count = 0;
                for (Sample b : buckets) {
                    double bound = number(b.labels().get("le"));
                    require(bound > le && b.value() >= count, family + " buckets not cumulative at le=" + bound);
                    le = bound;
                    count = b.value();
                }
                require(le == Double.POSITIVE_INFINITY, family + labels + " has no +Inf bucket");
                double total = samples(family + "_count").stream().filter(c -> c.labels().equals(labels))
                        .mapToDouble(Sample::value).findFirst().orElse(Double.NaN);
                require(total == count, family + labels + "_count " + total + " != +Inf bucket " + count);
            });
        });
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalArgumentException(problem);
        }
    }
}
