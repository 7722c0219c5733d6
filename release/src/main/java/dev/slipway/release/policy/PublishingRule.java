package dev.slipway.release.policy;

import java.util.List;

/** One group of publishing rules: adds a {@link Violation} to {@code out} for each rule the facts break. */
interface PublishingRule {
    void check(PublishingFacts facts, List<Violation> out);

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
