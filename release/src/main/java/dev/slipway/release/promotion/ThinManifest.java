package dev.slipway.release.promotion;

import java.util.List;
import java.util.Objects;

/**
 * One directory pair of the thin layout: {@code manifests/<id>/promoter-manifest.yaml} (the registries, owned by a
 * few) and {@code images/<id>/images.yaml} (the images, changed by every promotion request).
 */
public record ThinManifest(String id, List<RegistryContext> registries, List<ImageEntry> images) {
    public ThinManifest {
        Objects.requireNonNull(id, "id");
        registries = List.copyOf(registries);
        images = List.copyOf(images);
        if (registries.stream().filter(RegistryContext::src).count() != 1) {
            throw new IllegalArgumentException("a thin manifest needs exactly one source registry: " + id);
        }
    }

    /** The one registry marked {@code src: true}. */
    public RegistryContext source() {
        return registries.stream().filter(RegistryContext::src).findFirst().orElseThrow();
    }

    /** Every other registry: where images are promoted to. */
    public List<RegistryContext> destinations() {
        return registries.stream().filter(r -> !r.src()).toList();
    }

    /** {@code images/<id>/images.yaml}, relative to the checkout. */
    public String imagesFile() {
        return "images/" + id + "/images.yaml";
    }
}
