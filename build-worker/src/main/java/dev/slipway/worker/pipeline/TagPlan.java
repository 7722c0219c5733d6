package dev.slipway.worker.pipeline;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Which tags a build pushes, in OSBS's order: the unique tag always; for non-scratch builds the primary
 * {@code version-release}; then, for regular builds only, the floating {@code version} and {@code latest}, applied
 * last and only on success. An isolated (hot-fix) build never moves a floating tag: it ships a new release of an
 * old version, and {@code latest} must keep naming the newest regular build.
 */
public record TagPlan(String unique, List<String> primary, List<String> floating) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    public TagPlan {
        primary = List.copyOf(primary);
        floating = List.copyOf(floating);
    }

    /** The plan for a regular or scratch build of {@code target} with this version and release. */
    public static TagPlan of(String target, String version, String release, boolean scratch, Instant now,
            RandomGenerator random) {
        return of(target, version, release, scratch, false, now, random);
    }

    /** The plan for a build of {@code target}; scratch and isolated builds push no floating tag. */
    public static TagPlan of(String target, String version, String release, boolean scratch, boolean isolated,
            Instant now, RandomGenerator random) {
        String unique = target + "-" + STAMP.format(now) + "-" + String.format("%06x", random.nextInt(1 << 24));
        if (scratch) {
            return new TagPlan(unique, List.of(), List.of());
        }
        List<String> floating = isolated ? List.of() : List.of(version, "latest");
        return new TagPlan(unique, List.of(version + "-" + release), floating);
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
