package dev.slipway.registry;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.transport.RegistryEndpoint;
import dev.slipway.registry.transport.RegistryResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Set;

/**
 * {@code GET /v2/<name>/blobs/<digest>} (end-2), streamed into a sink while hashing; a content whose digest
 * differs is reported as {@code REGISTRY_DIGEST_MISMATCH} after the copy (the caller discards the sink).
 */
final class BlobGetEndpoint implements RegistryEndpoint<Long> {

    /** Opens the destination afresh for each attempt. */
    @FunctionalInterface
    interface Sink {
        OutputStream open() throws IOException;
    }

    private final String repository;
    private final Digest digest;
    private final Sink sink;
    private final boolean restartable;

    /** {@code restartable}: whether reopening the sink discards an earlier partial copy, so retries are safe. */
    BlobGetEndpoint(String repository, Digest digest, Sink sink, boolean restartable) {
        this.repository = repository;
        this.digest = digest;
        this.sink = sink;
        this.restartable = restartable;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String target() {
        return ApiPaths.blob(repository, digest);
    }

    @Override
    public Set<String> scopes() {
        return ApiPaths.pull(repository);
    }

    @Override
    public boolean retryable() {
        return restartable;
    }

    /** Read failures are the network's (the caller may retry); write failures are local and final. */
    @Override
    public Long handle(RegistryResponse response) throws IOException {
        MessageDigest hash = ContentDigests.newDigest(digest.algorithm());
        long copied;
        try (InputStream in = new DigestInputStream(response.body(), hash); OutputStream out = new LocalSink()) {
            copied = in.transferTo(out);
        } catch (LocalFailure e) {
            throw new SlipwayException(ErrorCode.REGISTRY_LOCAL_IO, "Tried to " + response.action()
                    + " but could not write the blob locally: " + e.getCause().getMessage(), e.getCause());
        }
        ContentDigests.check(response.action(), digest, ContentDigests.finish(digest.algorithm(), hash),
                "the content's digest");
        return copied;
    }

    /** The sink, with its I/O failures marked as local so they are not mistaken for network failures. */
    private final class LocalSink extends OutputStream {
        private final OutputStream out;

        LocalSink() {
            try {
                out = sink.open();
            } catch (IOException e) {
                throw new LocalFailure(e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw new LocalFailure(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new LocalFailure(e);
            }
        }
    }

    /** An I/O failure of the local sink. */
    private static final class LocalFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LocalFailure(IOException cause) {
            super(cause);
        }
    }
}
