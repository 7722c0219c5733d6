package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.util.List;
import java.util.Objects;

/**
 * What copying one image did: the top-level digest, the manifests written (children of an index included, tags
 * counted once each) and what happened to every blob, so callers can prove a copy moved 0 blob bytes.
 */
public record ImageCopyResult(Digest digest, int manifestsPushed, List<BlobPushResult> blobs) {
    public ImageCopyResult {
        Objects.requireNonNull(digest, "digest");
        blobs = List.copyOf(blobs);
    }

    /** Blob bytes uploaded to the destination (0 when every blob existed or was mounted). */
    public long bytesUploaded() {
        return blobs.stream().mapToLong(BlobPushResult::bytesUploaded).sum();
    }

    public long blobsMounted() {
        return count(BlobPushResult.Outcome.MOUNTED);
    }

    public long blobsUploaded() {
        return count(BlobPushResult.Outcome.UPLOADED);
    }

    public long blobsExisting() {
        return count(BlobPushResult.Outcome.EXISTED);
    }

    private long count(BlobPushResult.Outcome outcome) {
        return blobs.stream().filter(b -> b.outcome() == outcome).count();
    }
}
