package dev.slipway.worker.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A connected socket channel as streams, with what a blocking JDK channel lacks: a read that waits longer than the
 * idle timeout for its first byte fails ({@link SocketTimeoutException}), and interrupting the reading thread
 * ends the read at once ({@link InterruptedIOException}) and closes the connection, which is how a cancelled build
 * stops an export in flight. Reads go straight into the caller's array (no copy through a channel buffer).
 */
final class IdleTimeoutChannel extends InputStream {
    private final SocketChannel channel;
    private final Selector selector;
    private final long idleMillis;

    /** {@code channel}: connected, in blocking mode; it is switched to non-blocking and owned by this stream. */
    IdleTimeoutChannel(SocketChannel channel, Duration idle) throws IOException {
        this.channel = channel;
        this.idleMillis = Math.max(1, idle.toMillis());
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
    }

    /** Writes all of {@code bytes}, waiting (within the idle timeout) while the socket's buffer is full. */
    void writeFully(byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        SelectionKey key = channel.keyFor(selector);
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                key.interestOps(SelectionKey.OP_WRITE);
                await("write the request");
                key.interestOps(SelectionKey.OP_READ);
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        ByteBuffer target = ByteBuffer.wrap(bytes, offset, length);
        while (true) {
            int n = channel.read(target);
            if (n != 0) {
                return n;
            }
            await("send data");
        }
    }

    private void await(String what) throws IOException {
        long deadline = System.nanoTime() + idleMillis * 1_000_000;
        while (true) {
            selector.selectedKeys().clear();
            int ready = selector.select(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (Thread.currentThread().isInterrupted()) {
                close();
                throw new InterruptedIOException("interrupted while waiting for the engine to " + what);
            }
            if (ready > 0) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new SocketTimeoutException("The engine did not " + what + " within " + idleMillis + " ms");
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
