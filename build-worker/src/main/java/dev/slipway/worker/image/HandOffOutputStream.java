package dev.slipway.worker.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands what is written to its own thread, which writes it to the target in the same order: the writer copies the
 * bytes into a chunk and goes on. It lets the hashing and writing of the image's outputs (blob, archive) run on
 * other cores than the thread reading the engine's stream: on a 1 GiB layer each SHA-256 is about 2 s and the MD5
 * over 4 s of CPU. Memory is bounded ({@code chunks} chunks of {@code chunkSize} bytes in flight); a failure of the
 * target is thrown by the next write, {@link #flush()} or {@link #close()}.
 */
final class HandOffOutputStream extends OutputStream {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue;
    /** Written chunks come back here, so a layer of any size allocates about {@code chunks} of them. */
    private final BlockingQueue<byte[]> free;
    private final Thread thread;
    private final int chunkSize;
    private byte[] chunk;
    private int filled;
    private volatile Throwable failure;
    private boolean closed;

    /** Starts the thread (named {@code name}) that writes to {@code target}; {@link #close()} closes the target. */
    HandOffOutputStream(OutputStream target, String name, int chunkSize, int chunks) {
        this.chunkSize = chunkSize;
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.free = new ArrayBlockingQueue<>(chunks + 2);
        this.chunk = new byte[chunkSize];
        this.thread = new Thread(() -> drain(target), name);
        thread.setDaemon(true);
        thread.start();
    }

    /** 1 MiB chunks, four in flight. */
    HandOffOutputStream(OutputStream target, String name) {
        this(target, name, 1 << 20, 4);
    }

    private void drain(OutputStream target) {
        try (target) {
            while (true) {
                byte[] next = queue.take();
                if (next == END) {
                    break;
                }
                if (failure == null) {
                    target.write(next, 0, next.length);
                }
                if (next.length == chunkSize) {
                    free.offer(next);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            }
            queue.clear(); // A writer waiting for room must not wait forever.
        } catch (InterruptedException e) {
            failure = e;
            queue.clear();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        checkOpen();
        while (length > 0) {
            int n = Math.min(length, chunkSize - filled);
            System.arraycopy(bytes, offset, chunk, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == chunkSize) {
                handOff();
            }
        }
    }

    /** Hands the partial chunk over (so the target sees every byte written so far, eventually). */
    @Override
    public void flush() throws IOException {
        checkOpen();
        if (filled > 0) {
            byte[] part = new byte[filled];
            System.arraycopy(chunk, 0, part, 0, filled);
            filled = 0;
            put(part);
        }
    }

    /** Hands over what is left, waits until the target has written everything and closes it. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            chunk = null;
            try {
                // The end marker needs room; a thread that failed has stopped taking, and needs no marker.
                while (thread.isAlive() && !queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    // waiting for the thread to take a chunk or to stop
                }
                thread.join();
            } catch (InterruptedException e) {
                thread.interrupt();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while finishing " + thread.getName());
            }
        }
        rethrow();
    }

    private void handOff() throws IOException {
        byte[] full = chunk;
        byte[] recycled = free.poll();
        chunk = recycled != null ? recycled : new byte[chunkSize];
        filled = 0;
        put(full);
    }

    private void put(byte[] bytes) throws IOException {
        try {
            while (!queue.offer(bytes, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while handing bytes to " + thread.getName());
        }
        rethrow();
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new IOException(thread.getName() + " is closed");
        }
        rethrow();
    }

    private void rethrow() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (f instanceof InterruptedException) {
            throw new InterruptedIOException(thread.getName() + " was interrupted");
        }
        if (f instanceof RuntimeException e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
    }
}
