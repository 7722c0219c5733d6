package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A blob read from another registry while it is being uploaded: each {@link #open()} streams a fresh {@code GET}
 * through a bounded {@link BlobPipe}, so no layer is held in memory or on disk. The download starts on the first
 * read (a pusher that only checks readability or finds the blob present costs no request) and the reader sees the
 * end of the stream only once the source's digest was verified.
 */
record RegistryBlob(RegistryClient source, String repository, Digest digest, long size) implements BlobSource {
    /** 16 chunks of at most the JDK's 16 KiB transfer buffer: well under a megabyte in flight per blob. */
    private static final int PIPE_CHUNKS = 16;

    RegistryBlob {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    @Override
    public InputStream open() {
        return new LazyDownload();
    }

    @Override
    public String toString() {
        return "RegistryBlob[" + source.host() + "/" + repository + "@" + digest + ", " + size + " bytes]";
    }

    /** Starts the download on the first read, in a daemon thread that writes into the pipe. */
    private final class LazyDownload extends InputStream {
        private final BlobPipe pipe = new BlobPipe(PIPE_CHUNKS);
        private InputStream in;

        private InputStream started() {
            if (in == null) {
                in = pipe.source();
                Thread writer = new Thread(this::download, "slipway-blob-stream-" + digest.hex().substring(0, 12));
                writer.setDaemon(true);
                writer.start();
            }
            return in;
        }

        private void download() {
            try {
                source.fetchBlob(repository, digest, pipe.sink());
                pipe.finish();
            } catch (IOException | RuntimeException e) {
                pipe.fail(e);
            }
        }

        @Override
        public int read() throws IOException {
            return started().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return started().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
