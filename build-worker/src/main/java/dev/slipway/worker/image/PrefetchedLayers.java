package dev.slipway.worker.image;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Known layers whose blobs start downloading as soon as they are known (while the engine builds), so writing the
 * OCI layout after {@code docker save} finds them on disk instead of waiting for the registry. Every known blob is
 * fetched anyway (the layout holds them all); only the moment moves. A failed download fails the build where
 * the blob is needed, as a fetch there would have.
 */
public final class PrefetchedLayers implements KnownLayers, AutoCloseable {
    private final KnownLayers source;
    private final Map<Digest, Future<Path>> fetches = new LinkedHashMap<>();
    private final Map<Digest, Descriptor> layers = new LinkedHashMap<>();
    private final Object sizesLock = new Object();
    private Map<Long, Descriptor> bySize;

    private PrefetchedLayers(KnownLayers source) {
        this.source = source;
    }

    /** Starts fetching {@code layers} (known to {@code source}) into {@code directory} on {@code pool}. */
    public static PrefetchedLayers start(KnownLayers source, Collection<Descriptor> layers, Path directory,
            ExecutorService pool) throws IOException {
        Files.createDirectories(directory);
        PrefetchedLayers prefetched = new PrefetchedLayers(source);
        for (Descriptor layer : layers) {
            Path target = directory.resolve(layer.digest().hex());
            prefetched.layers.put(layer.digest(), layer);
            prefetched.fetches.computeIfAbsent(layer.digest(), d -> pool.submit(() -> {
                source.fetch(layer, target);
                return target;
            }));
        }
        return prefetched;
    }

    @Override
    public Optional<Descriptor> lookup(Digest diffId) {
        return source.lookup(diffId);
    }

    /**
     * Waits for every download, then matches by the size each blob's gzip trailer records (ISIZE, the uncompressed
     * size modulo 2^32). A size two known layers share matches neither; a blob of several gzip members records only
     * its last member's size, which the caller's diff_id check then refuses.
     */
    @Override
    public Optional<Descriptor> bySize(long uncompressedSize) {
        synchronized (sizesLock) {
            if (bySize == null) {
                bySize = sizes();
            }
            return Optional.ofNullable(bySize.get(uncompressedSize & 0xffffffffL));
        }
    }

    private Map<Long, Descriptor> sizes() {
        Map<Digest, Future<Path>> pending;
        synchronized (this) {
            pending = new LinkedHashMap<>(fetches);
        }
        Map<Long, Descriptor> sizes = new HashMap<>();
        Set<Long> shared = new HashSet<>();
        pending.forEach((digest, fetch) -> {
            Descriptor layer = layers.get(digest);
            long isize = trailerSize(await(fetch, layer));
            Descriptor sized = new Descriptor(layer.mediaType(), layer.digest(), layer.size(), layer.diffId(), isize);
            if (sizes.put(isize, sized) != null) {
                shared.add(isize);
            }
        });
        shared.forEach(sizes::remove);
        return sizes;
    }

    private static long trailerSize(Path blob) {
        try (FileChannel file = FileChannel.open(blob, StandardOpenOption.READ)) {
            ByteBuffer isize = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            if (file.size() < 18 || file.read(isize, file.size() - 4) != 4) {
                return -1; // not a gzip member: matches no layer
            }
            return isize.getInt(0) & 0xffffffffL;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.REGISTRY_LOCAL_IO, "Tried to read the size of the parent's layer "
                    + blob.getFileName() + " but could not: " + e.getMessage(), e);
        }
    }

    /** Waits for the prefetched blob and links it to {@code target} (a copy across file systems). */
    @Override
    public void fetch(Descriptor compressed, Path target) {
        Future<Path> pending;
        synchronized (this) {
            pending = fetches.get(compressed.digest());
        }
        if (pending == null) {
            source.fetch(compressed, target);
            return;
        }
        Path fetched = await(pending, compressed);
        try {
            Files.createLink(target, fetched);
        } catch (FileAlreadyExistsException e) {
            // the same blob placed for a layer listed twice
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.copy(fetched, target, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException copy) {
                throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Tried to place the parent's layer "
                        + compressed.digest() + " at " + target + " but could not: " + copy.getMessage(), copy);
            }
        }
    }

    private static Path await(Future<Path> pending, Descriptor compressed) {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while fetching the parent's layer "
                    + compressed.digest(), e);
        } catch (CancellationException e) {
            throw new SlipwayException(ErrorCode.CANCELED, "The fetch of the parent's layer " + compressed.digest()
                    + " was stopped", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SlipwayException s) {
                throw s;
            }
            throw new SlipwayException(ErrorCode.REGISTRY_LOCAL_IO, "Tried to fetch the parent's layer "
                    + compressed.digest() + " but it failed: " + e.getCause(), e.getCause());
        }
    }

    /** Stops the downloads still running (the build ended before it needed them). */
    @Override
    public synchronized void close() {
        fetches.values().forEach(f -> f.cancel(true));
    }
}
