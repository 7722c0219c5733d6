package dev.slipway.release.promotion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns thin manifests into edges: every digest of every image goes from the source registry to each destination.
 * The same digest asked for twice for one destination repository (a redundant promotion) becomes one edge with
 * the union of the tags.
 */
final class EdgeBuilder {
    private EdgeBuilder() {
    }

    static List<PromotionEdge> edges(List<ThinManifest> manifests, ImageFilter filter) {
        Map<String, PromotionEdge> byTarget = new LinkedHashMap<>();
        for (ThinManifest manifest : manifests) {
            for (ImageEntry image : manifest.images()) {
                if (!filter.includes(manifest.id(), image.name())) {
                    continue;
                }
                for (RegistryContext destination : manifest.destinations()) {
                    image.dmap().forEach((digest, tags) -> {
                        PromotionEdge edge = new PromotionEdge(manifest.source(), destination, image.name(), digest,
                                tags, manifest.imagesFile(), image.origin());
                        String key = destination.host() + "/" + edge.destinationRepository() + "@" + digest;
                        byTarget.merge(key, edge, EdgeBuilder::union);
                    });
                }
            }
        }
        return List.copyOf(byTarget.values());
    }

    private static PromotionEdge union(PromotionEdge first, PromotionEdge second) {
        Set<String> tags = new LinkedHashSet<>(first.tags());
        tags.addAll(second.tags());
        return new PromotionEdge(first.source(), first.destination(), first.image(), first.digest(),
                new ArrayList<>(tags), first.file(), first.origin());
    }
}
