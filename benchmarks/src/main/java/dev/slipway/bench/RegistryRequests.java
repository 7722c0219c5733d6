package dev.slipway.bench;

import dev.slipway.testing.registry.AccessLogEntry;
import dev.slipway.testing.registry.TestRegistry;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The requests one pipeline run made to a benchmark registry, read from the registry's own access log: counted by
 * method and kind (manifest, blob, upload), so a change in the push path shows up as requests, not only as time.
 */
final class RegistryRequests {
    private final TestRegistry registry;
    private int mark;
    private List<AccessLogEntry> last = List.of();

    RegistryRequests(TestRegistry registry) {
        this.registry = registry;
    }

    /** Marks the start of a run. */
    void start() {
        mark = registry.requests().size();
    }

    /** Takes the requests answered since {@link #start()}. */
    void stop() {
        last = List.copyOf(registry.requestsSince(mark));
    }

    /** E.g. {@code 31 requests: HEAD blob 6, POST upload 3, PUT manifest 5, ...} for the last run. */
    String summary() {
        Map<String, Long> counts = last.stream().collect(Collectors.groupingBy(RegistryRequests::kind, TreeMap::new,
                Collectors.counting()));
        return last.size() + " requests: " + counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** The last run's requests in the order the registry answered them. */
    List<AccessLogEntry> requests() {
        return last;
    }

    private static String kind(AccessLogEntry e) {
        String path = e.path();
        String what = path.contains("/blobs/uploads") ? "upload" : path.contains("/blobs/") ? "blob"
                : path.contains("/manifests/") ? "manifest" : path.contains("/tags/") ? "tags" : "other";
        return e.method() + " " + what;
    }
}
