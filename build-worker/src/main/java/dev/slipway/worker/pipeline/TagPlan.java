package dev.slipway.worker.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which tags a build pushes, in OSBS's order: the unique tag always; for non-scratch builds the primary
 * {@code version-release}; then the floating {@code version} and {@code latest}, applied last and only on success.
 */
public record TagPlan(String unique, List<String> primary, List<String> floating) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    public TagPlan {
        primary = List.copyOf(primary);
        floating = List.copyOf(floating);
    }

    /** The plan for a build of {@code target} with this version and release. */
    public static TagPlan of(String target, String version, String release, boolean scratch, Instant now,
            RandomGenerator random) {
        String unique = target + "-" + STAMP.format(now) + "-" + String.format("%06x", random.nextInt(1 << 24));
        if (scratch) {
            return new TagPlan(unique, List.of(), List.of());
        }
        return new TagPlan(unique, List.of(version + "-" + release), List.of(version, "latest"));
    }

    /** Every tag, in push order. */
    public List<String> all() {
        List<String> all = new ArrayList<>();
        all.add(unique);
        all.addAll(primary);
        all.addAll(floating);
        return all;
    }
}
