package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The content of one blob to push (a config or a layer): its digest, its size and a way to read it, possibly
 * several times (a failed upload is restarted from the beginning).
 */
public interface BlobSource {

    Digest digest();

    long size();

    /** A fresh stream over the whole content. */
    InputStream open() throws IOException;

    /** A blob held in memory; the digest is computed here. */
    static BlobSource ofBytes(byte[] bytes) {
        return BlobSources.ofBytes(bytes);
    }

    /** A blob in a file; reads the file once to compute digest and size. */
    static BlobSource ofFile(Path file) throws IOException {
        return BlobSources.ofFile(file);
    }

    /**
     * A blob in another registry (or repository), streamed from its {@code GET} into the upload without buffering
     * it whole; the digest is verified on the way through.
     */
    static BlobSource fromRegistry(RegistryClient source, String repository, Digest digest, long size) {
        return new RegistryBlob(source, repository, digest, size);
    }

    /** A blob in a file whose digest and size the caller already knows (the registry verifies them). */
    static BlobSource ofFile(Path file, Digest digest, long size) {
        return new BlobSources.FileBlob(file, digest, size);
    }
}
