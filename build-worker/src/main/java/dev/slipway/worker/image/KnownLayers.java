package dev.slipway.worker.image;

import dev.slipway.common.image.Digest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Layers the registry already holds in compressed form, by their uncompressed digest (diff_id): the parent image's.
 * The writer reuses their blobs instead of compressing the same content again, as {@code docker push} does, so
 * they are neither re-compressed nor re-uploaded.
 */
public interface KnownLayers {
    /** The registry's compressed descriptor of a layer with this diff_id, if the registry has one. */
    Optional<Descriptor> lookup(Digest diffId);

    /** Puts the compressed blob into {@code target} (digest verified). */
    void fetch(Descriptor compressed, Path target);

    /**
     * The one known layer whose uncompressed tar has this size (modulo 2^32, as gzip records it), with its
     * uncompressed size set, if exactly one has it and its size is known. A candidate only: the caller compares
     * the diff_id of what it read.
     */
    default Optional<Descriptor> bySize(long uncompressedSize) {
        return Optional.empty();
    }

    /** No known layers: every layer is compressed locally. */
    static KnownLayers none() {
        return new KnownLayers() {
            @Override
            public Optional<Descriptor> lookup(Digest diffId) {
                return Optional.empty();
            }

            @Override
            public void fetch(Descriptor compressed, Path target) {
                throw new IllegalStateException("no known layers");
            }
        };
    }

    /** Known layers from a map, fetched with the given action. */
    static KnownLayers of(Map<Digest, Descriptor> byDiffId, BiConsumer<Descriptor, Path> fetcher) {
        Map<Digest, Descriptor> copy = Map.copyOf(byDiffId);
        return new KnownLayers() {
            @Override
            public Optional<Descriptor> lookup(Digest diffId) {
                return Optional.ofNullable(copy.get(diffId));
            }

            @Override
            public void fetch(Descriptor compressed, Path target) {
                fetcher.accept(compressed, target);
            }
        };
    }
}
