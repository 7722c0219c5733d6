package dev.slipway.worker.engine;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * An HTTP/1.1 body in chunked transfer coding, decoded (RFC 9112 section 7.1): hex chunk sizes with extensions
 * ignored, trailer fields read and dropped, and a stream that ends before its last chunk is an {@link EOFException},
 * never a silently short body. A read returns as many bytes as are already buffered, across chunk boundaries, so
 * the engine's 32 KiB chunks reach the caller in larger reads.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9112#section-7.1">RFC 9112, chunked transfer coding</a>
 */
final class ChunkedBody extends BulkInputStream {
    /** A chunk-size line longer than this is not HTTP: refuse rather than buffer it. */
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private long remaining;
    private boolean ended;
    private boolean closed;

    /** {@code in}: the connection right after the response's header section, preferably buffered. */
    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("the engine's response stream is closed");
        }
        if (length == 0) {
            return 0;
        }
        int total = 0;
        // The first byte may block; after that only what is buffered, so a slow engine is never waited for twice.
        while (total < length && (total == 0 || in.available() > 0)) {
            if (remaining == 0 && !nextChunk()) {
                break;
            }
            int n = in.read(bytes, offset + total, (int) Math.min(length - total, remaining));
            if (n < 0) {
                throw new EOFException("The engine's response ended inside a chunk (" + remaining
                        + " bytes missing)");
            }
            total += n;
            remaining -= n;
            if (remaining == 0) {
                crlf();
            }
        }
        return total == 0 ? -1 : total;
    }

    @Override
    public int available() throws IOException {
        return ended || closed ? 0 : (int) Math.min(remaining, in.available());
    }

    @Override
    public void close() throws IOException {
        closed = true;
        in.close();
    }

    /** Reads the next chunk-size line; false once the last chunk (and its trailers) has been read. */
    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String line = line();
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
        if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IOException("The engine's response has a malformed chunk size: \"" + line + "\"");
        }
        long size = Long.parseLong(hex, 16);
        if (size == 0) {
            // Trailer fields, if any, up to the empty line that ends the message.
            while (!line().isEmpty()) {
                // Trailers carry nothing the worker uses.
            }
            ended = true;
            return false;
        }
        remaining = size;
        return true;
    }

    private void crlf() throws IOException {
        String rest = line();
        if (!rest.isEmpty()) {
            throw new IOException("The engine's response has " + rest.length() + " stray bytes after a chunk");
        }
    }

    /** One line without its CRLF (a bare LF is taken too, as lenient HTTP readers do). */
    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("The engine's response ended before its last chunk");
            }
            if (b == '\n') {
                int end = sb.length();
                return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new IOException("The engine's response has a chunk line longer than " + MAX_LINE + " bytes");
            }
            sb.append((char) b);
        }
    }
}
