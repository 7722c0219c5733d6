package dev.slipway.worker.engine;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A connected socket channel as a stream, with what a blocking JDK unix channel lacks: a read or write that makes
 * no progress for longer than the idle timeout fails ({@link SocketTimeoutException}) because a watchdog closes the
 * channel under it, and interrupting the calling thread ends the call at once ({@link InterruptedIOException}) and
 * closes the connection, which is how a cancelled build stops an export in flight. The channel stays in blocking
 * mode: a non-blocking channel with a selector measured half as fast for the engine's export under load, since
 * every empty read costs a select and a wake-up.
 */
final class IdleTimeoutChannel extends BulkInputStream {
    private final SocketChannel channel;
    private final long idleNanos;
    private final ScheduledFuture<?> watch;
    /** When the call in progress started or last made progress; 0 while no call is in progress. */
    private volatile long waitingSince;
    private volatile boolean timedOut;

    /** {@code channel}: connected, in blocking mode, owned by this stream; {@code watchdog} checks it periodically. */
    IdleTimeoutChannel(SocketChannel channel, Duration idle, ScheduledExecutorService watchdog) {
        this.channel = channel;
        this.idleNanos = Math.max(1, idle.toNanos());
        long period = Math.max(1, Math.min(idle.toMillis() / 4, 1000));
        this.watch = watchdog.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** Writes all of {@code bytes}. */
    void writeFully(byte[] bytes) throws IOException {
        writeFully(bytes, 0, bytes.length);
    }

    /** Writes {@code length} bytes of {@code bytes} from {@code offset}. */
    void writeFully(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
            waitingSince = System.nanoTime();
            try {
                channel.write(buffer);
            } catch (IOException e) {
                throw translated(e, "accept the request");
            } finally {
                waitingSince = 0;
            }
        }
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        waitingSince = System.nanoTime();
        try {
            return channel.read(ByteBuffer.wrap(bytes, offset, length));
        } catch (IOException e) {
            throw translated(e, "send data");
        } finally {
            waitingSince = 0;
        }
    }

    private IOException translated(IOException e, String what) {
        if (e instanceof ClosedByInterruptException) {
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for the engine"
                    + " to " + what);
            interrupted.initCause(e);
            return interrupted;
        }
        if (timedOut && e instanceof AsynchronousCloseException) {
            SocketTimeoutException timeout = new SocketTimeoutException("The engine did not " + what + " within "
                    + idleNanos / 1_000_000 + " ms");
            timeout.initCause(e);
            return timeout;
        }
        return e;
    }

    /** The watchdog's check: a call stuck for the idle timeout has its channel closed under it. */
    private void check() {
        long since = waitingSince;
        if (since != 0 && System.nanoTime() - since > idleNanos) {
            timedOut = true;
            try {
                channel.close();
            } catch (IOException e) {
                // Closing is how the stuck call is ended; a failure here leaves nothing else to do.
            }
        }
    }

    @Override
    public void close() throws IOException {
        watch.cancel(false);
        channel.close();
    }
}
