package dev.slipway.worker.dockerfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The environment and labels a build stage ends with, as far as the Dockerfile determines them: its own ENV and
 * LABEL instructions after substitution, on top of what it inherits from an earlier stage it is built FROM.
 * (What an external parent image carries is not known here.)
 *
 * @param env the environment variables in the order they were first set
 * @param labelValues each label with the line that set it and whether it was written literally
 */
public record StageConfig(Map<String, String> env, Map<String, LabelValue> labelValues) {
    /** Nothing set: what a stage FROM scratch or from an external image starts with. */
    public static final StageConfig EMPTY = new StageConfig(Map.of(), Map.of());

    public StageConfig {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        labelValues = Collections.unmodifiableMap(new LinkedHashMap<>(labelValues));
    }

    /** Label names to values, in the order they were first set. */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labelValues.forEach((name, label) -> labels.put(name, label.value()));
        return Collections.unmodifiableMap(labels);
    }

    /** The labels a LABEL instruction wrote literally, without ENV or ARG substitution. */
    public Set<String> explicitLabels() {
        Set<String> explicit = new LinkedHashSet<>();
        labelValues.forEach((name, label) -> {
            if (label.explicit()) {
                explicit.add(name);
            }
        });
        return Collections.unmodifiableSet(explicit);
    }

    public Optional<LabelValue> label(String name) {
        return Optional.ofNullable(labelValues.get(name));
    }
}
