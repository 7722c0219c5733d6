package dev.slipway.common.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one output stream of a process on its own daemon thread into a bounded buffer: the first and the last
 * {@code limit / 2} bytes are kept and the middle is replaced by a marker, so a flooding program can neither block on
 * a full pipe nor fill the memory.
 */
final class CapturedOutput {
    private final byte[] head;
    private final byte[] tail;
    private int headLength;
    private long tailWritten;
    private final Thread drainer;

    CapturedOutput(InputStream in, String name, int limit) {
        int half = Math.max(1, limit / 2);
        this.head = new byte[half];
        this.tail = new byte[half];
        this.drainer = new Thread(() -> drain(in), name);
        // A daemon: a grandchild that keeps the pipe open after the process ended must not keep the JVM alive.
        drainer.setDaemon(true);
    }

    CapturedOutput start() {
        drainer.start();
        return this;
    }

    /** Waits up to {@code millis} for the end of the stream (a background grandchild may hold it open). */
    void awaitEnd(long millis) throws InterruptedException {
        drainer.join(Math.max(1, millis));
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // the stream closes when the process is killed; what was read so far is the output
        }
    }

    private synchronized void append(byte[] buffer, int n) {
        int offset = 0;
        int toHead = Math.min(n, head.length - headLength);
        System.arraycopy(buffer, 0, head, headLength, toHead);
        headLength += toHead;
        offset += toHead;
        while (offset < n) {
            int at = (int) (tailWritten % tail.length);
            int chunk = Math.min(n - offset, tail.length - at);
            System.arraycopy(buffer, offset, tail, at, chunk);
            tailWritten += chunk;
            offset += chunk;
        }
    }

    /** The captured text, with a marker where bytes were dropped. */
    synchronized String text() {
        String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
        if (tailWritten <= tail.length) {
            return start + new String(tail, 0, (int) tailWritten, StandardCharsets.UTF_8);
        }
        int from = (int) (tailWritten % tail.length);
        byte[] last = new byte[tail.length];
        System.arraycopy(tail, from, last, 0, tail.length - from);
        System.arraycopy(tail, 0, last, tail.length - from, from);
        long dropped = tailWritten - tail.length;
        return start + "\n[... output truncated: " + dropped + " bytes left out ...]\n"
                + new String(last, StandardCharsets.UTF_8);
    }
}
