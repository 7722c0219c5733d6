package dev.slipway.release.promotion;

import dev.slipway.common.image.Digest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One image of an {@code images.yaml}: its name (the repository path under each registry) and its {@code dmap},
 * digest to tags; an empty tag list promotes the digest alone. {@code origin} is {@code file:line}.
 */
public record ImageEntry(String name, Map<Digest, List<String>> dmap, String origin) {
    public ImageEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        Map<Digest, List<String>> copy = new LinkedHashMap<>();
        dmap.forEach((digest, tags) -> copy.put(digest, List.copyOf(tags)));
        dmap = Collections.unmodifiableMap(copy);
    }
}
