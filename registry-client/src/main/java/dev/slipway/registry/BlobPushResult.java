package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.util.Objects;

/** What pushing one blob did: nothing (it existed), a cross-repository mount, or an upload of so many bytes. */
public record BlobPushResult(Digest digest, long size, Outcome outcome, long bytesUploaded) {

    /** How the blob got into the repository. */
    public enum Outcome { EXISTED, MOUNTED, UPLOADED }

    public BlobPushResult {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(outcome, "outcome");
        if (bytesUploaded < 0 || (outcome != Outcome.UPLOADED && bytesUploaded != 0)) {
            throw new IllegalArgumentException(outcome + " with " + bytesUploaded + " bytes uploaded");
        }
    }
}
