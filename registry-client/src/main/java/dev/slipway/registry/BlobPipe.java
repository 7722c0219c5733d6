package dev.slipway.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded in-memory pipe between a blob download (writer thread) and an upload body (reader): at most
 * {@code capacity} chunks are held, so a layer of any size crosses with constant memory. The reader sees the end
 * of the stream only after the writer declared success ({@link #finish()}); a failed download ({@link #fail})
 * surfaces as an {@link IOException} in the reader, so the upload aborts instead of completing short.
 */
final class BlobPipe {
    private static final byte[] END = new byte[0];
    private static final long POLL_MILLIS = 100;
    /** An upload that takes nothing for this long has died without closing its stream: stop the download. */
    private static final long STALL_MILLIS = 120_000;

    private final BlockingQueue<byte[]> chunks;
    private volatile IOException failure;
    private volatile boolean readerClosed;

    BlobPipe(int capacity) {
        this.chunks = new ArrayBlockingQueue<>(capacity);
    }

    /** The writer's end. Writing fails once the reader has gone away. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len > 0) {
                    put(Arrays.copyOfRange(b, off, off + len));
                }
            }
        };
    }

    /** The download completed and was verified: the reader may see the end of the stream. */
    void finish() throws IOException {
        put(END);
    }

    /** The download failed: the reader gets {@code cause} instead of the end of the stream. */
    void fail(Throwable cause) {
        failure = new IOException("The blob download failed: " + cause.getMessage(), cause);
        try {
            put(END);
        } catch (IOException readerGone) {
            // nobody is reading any more, nothing to tell
        }
    }

    /** The reader's end. */
    InputStream source() {
        return new InputStream() {
            private byte[] current = new byte[0];
            private int position;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (position == current.length) {
                    if (ended) {
                        return -1;
                    }
                    current = take();
                    position = 0;
                    if (current == END) {
                        ended = true;
                        if (failure != null) {
                            throw failure;
                        }
                    }
                }
                int n = Math.min(len, current.length - position);
                System.arraycopy(current, position, b, off, n);
                position += n;
                return n;
            }

            @Override
            public void close() {
                readerClosed = true;
                chunks.clear(); // unblocks a writer waiting for room
            }
        };
    }

    private void put(byte[] chunk) throws IOException {
        try {
            long waited = 0;
            while (!chunks.offer(chunk, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                waited += POLL_MILLIS;
                if (readerClosed || waited >= STALL_MILLIS) {
                    throw new IOException("the upload stopped reading the blob");
                }
            }
            if (readerClosed) {
                throw new IOException("the upload stopped reading the blob");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming a blob", e);
        }
    }

    private byte[] take() throws IOException {
        try {
            return chunks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming a blob", e);
        }
    }
}
