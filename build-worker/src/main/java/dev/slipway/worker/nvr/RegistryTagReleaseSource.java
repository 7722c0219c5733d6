package dev.slipway.worker.nvr;

import dev.slipway.common.image.NextRelease;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.util.HashSet;
import java.util.Set;

/**
 * The standalone worker's release source: releases already pushed as {@code <version>-<release>} tags in any of
 * the build's registries are taken, and the next one after the highest is chosen.
 */
public final class RegistryTagReleaseSource implements ReleaseSource {
    private final ImageRegistries registries;

    public RegistryTagReleaseSource(ImageRegistries registries) {
        this.registries = registries;
    }

    @Override
    public String nextRelease(Query query) {
        Set<String> releases = new HashSet<>();
        String prefix = query.version() + "-";
        for (RegistryConfig registry : query.registries()) {
            String repo = registry.namespace() == null ? query.repository()
                    : registry.namespace() + "/" + query.repository();
            for (String tag : registries.tags(registry, repo)) {
                if (tag.startsWith(prefix) && tag.length() > prefix.length()) {
                    releases.add(tag.substring(prefix.length()));
                }
            }
        }
        return NextRelease.afterAll(releases);
    }
}
