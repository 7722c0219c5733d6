package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of pushing an image: the manifest digest the registry confirmed and what happened to each blob, so
 * callers can prove that a re-push uploaded 0 blob bytes.
 */
public record ImagePushResult(Digest manifestDigest, List<BlobPushResult> blobs) {
    public ImagePushResult {
        Objects.requireNonNull(manifestDigest, "manifestDigest");
        blobs = List.copyOf(blobs);
    }

    /** Blob bytes sent to the registry (a single-POST attempt the registry ignored counts too). */
    public long bytesUploaded() {
        return blobs.stream().mapToLong(BlobPushResult::bytesUploaded).sum();
    }

    public long blobsSkipped() {
        return count(BlobPushResult.Outcome.EXISTED);
    }

    public long blobsMounted() {
        return count(BlobPushResult.Outcome.MOUNTED);
    }

    public long blobsUploaded() {
        return count(BlobPushResult.Outcome.UPLOADED);
    }

    private long count(BlobPushResult.Outcome outcome) {
        return blobs.stream().filter(b -> b.outcome() == outcome).count();
    }
}
