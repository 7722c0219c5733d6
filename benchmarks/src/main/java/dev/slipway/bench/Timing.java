package dev.slipway.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Collected run times of one contender, in milliseconds, with the median the reports use. */
final class Timing {
    private final String name;
    private final List<Double> millis = new ArrayList<>();

    Timing(String name) {
        this.name = name;
    }

    /** Runs the action once and records how long it took. */
    <T> T time(ThrowingSupplier<T> action) throws Exception {
        long t0 = System.nanoTime();
        T result = action.get();
        millis.add((System.nanoTime() - t0) / 1e6);
        return result;
    }

    /** Records a time measured elsewhere (a pipeline step's own timing). */
    void add(double ms) {
        millis.add(ms);
    }

    double median() {
        List<Double> sorted = millis.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String summary() {
        return String.format(Locale.ROOT, "%-44s median %9.1f ms  runs %s", name, median(),
                millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList());
    }

    static String ratio(Timing ours, Timing peer) {
        return String.format(Locale.ROOT, "ratio %s / %s = %.2f", ours.name, peer.name, ours.median() / peer.median());
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
