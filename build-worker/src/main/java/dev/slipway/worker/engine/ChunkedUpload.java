package dev.slipway.worker.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body sent in HTTP/1.1 chunked transfer coding as it is written: buffered into chunks of one size, each
 * written to the connection once it is full, and the last (empty) chunk written by {@link #close()}, which leaves
 * the connection open for the answer. The writer side of {@link ChunkedBody}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9112#section-7.1">RFC 9112, chunked transfer coding</a>
 */
final class ChunkedUpload extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST = {'0', '\r', '\n', '\r', '\n'};

    private final IdleTimeoutChannel connection;
    private final byte[] buffer;
    private int count;
    private boolean closed;

    ChunkedUpload(IdleTimeoutChannel connection, int chunkSize) {
        this.connection = connection;
        this.buffer = new byte[chunkSize];
    }

    @Override
    public void write(int b) throws IOException {
        if (count == buffer.length) {
            sendChunk();
        }
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            if (count == buffer.length) {
                sendChunk();
            }
            int n = Math.min(length, buffer.length - count);
            System.arraycopy(bytes, offset, buffer, count, n);
            count += n;
            offset += n;
            length -= n;
        }
    }

    /** Sends what is buffered as one chunk (an empty buffer sends nothing: an empty chunk would end the body). */
    @Override
    public void flush() throws IOException {
        if (count > 0) {
            sendChunk();
        }
    }

    /** Sends the rest and the last chunk; the connection stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        flush();
        connection.writeFully(LAST);
    }

    private void sendChunk() throws IOException {
        connection.writeFully((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        connection.writeFully(buffer, 0, count);
        connection.writeFully(CRLF);
        count = 0;
    }
}
