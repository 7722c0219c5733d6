package dev.slipway.worker.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Raw deflate on several cores, as pigz does: the input is cut into blocks, each block is deflated by a pool thread
 * (primed with the previous block's last 32 KiB as a preset dictionary, so the ratio stays that of one stream) and
 * ends on a byte boundary (SYNC_FLUSH, never a final block), and the blocks reach the sink in input order. The
 * blocks form a deflate stream that a gzip member carries: no block refers to data before this stream's first byte.
 *
 * <p>Memory is bounded: at most {@code maxPending} blocks are in flight; {@link #write} waits for the oldest one
 * when that many are pending. The CRC-32 of the input is computed on the writing thread, in order.
 *
 * @see <a href="https://zlib.net/pigz/">pigz</a>
 */
final class DeflateBlocks extends OutputStream {
    static final int DICTIONARY = 32 * 1024;

    /** Where the compressed blocks go, in order, on the writing thread; the array is reused afterwards. */
    interface Sink {
        void accept(byte[] block, int length) throws IOException;
    }

    /** One compressed block in a reusable array. */
    record Compressed(byte[] input, byte[] output, int length) {
    }

    private final ExecutorService compressors;
    private final int blockSize;
    private final int level;
    private final int maxPending;
    private final Sink sink;
    private final ArrayDeque<Future<Compressed>> pending = new ArrayDeque<>();
    // Arrays come back here once their block is written, so a layer of any size allocates about maxPending blocks.
    private final ArrayDeque<byte[]> freeInputs = new ArrayDeque<>();
    private final ArrayDeque<byte[]> freeOutputs = new ArrayDeque<>();
    private final CRC32 crc = new CRC32();
    private byte[] block;
    private int filled;
    private byte[] previousTail;
    private long total;
    private boolean finished;

    DeflateBlocks(ExecutorService compressors, int blockSize, int level, int maxPending, Sink sink) {
        if (blockSize < DICTIONARY || maxPending < 1) {
            throw new IllegalArgumentException("block size must be at least 32 KiB and maxPending at least 1");
        }
        this.compressors = compressors;
        this.blockSize = blockSize;
        this.level = level;
        this.maxPending = maxPending;
        this.sink = sink;
        this.block = new byte[blockSize];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("the deflate stream is finished");
        }
        crc.update(bytes, offset, length);
        total += length;
        while (length > 0) {
            int n = Math.min(length, blockSize - filled);
            System.arraycopy(bytes, offset, block, filled, n);
            filled += n;
            offset += n;
            length -= n;
            if (filled == blockSize) {
                submit();
            }
        }
    }

    /** Compresses what is left and hands every block to the sink; nothing may be written afterwards. */
    void finishBlocks() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (filled > 0) {
                submit();
            }
            while (!pending.isEmpty()) {
                deliverOldest();
            }
        } finally {
            cancelAll();
            block = null;
            freeInputs.clear();
            freeOutputs.clear();
        }
    }

    /** The CRC-32 of everything written. */
    int crc32() {
        return (int) crc.getValue();
    }

    /** The number of bytes written. */
    long length() {
        return total;
    }

    private void submit() throws IOException {
        byte[] input = block;
        int length = filled;
        byte[] dictionary = previousTail;
        previousTail = tail(dictionary, input, length);
        byte[] output = freeOutputs.isEmpty() ? new byte[outputSize(blockSize)] : freeOutputs.poll();
        pending.add(compressors.submit(() -> deflate(input, length, dictionary, level, output)));
        while (pending.size() >= maxPending) {
            deliverOldest();
        }
        block = freeInputs.isEmpty() ? new byte[blockSize] : freeInputs.poll();
        filled = 0;
    }

    /** Deflate output of incompressible data is slightly larger than the input. */
    private static int outputSize(int inputSize) {
        return inputSize + inputSize / 1000 + 1024;
    }

    /** The last 32 KiB of the input so far. */
    private static byte[] tail(byte[] dictionary, byte[] input, int length) {
        if (length >= DICTIONARY) {
            return Arrays.copyOfRange(input, length - DICTIONARY, length);
        }
        byte[] before = dictionary == null ? new byte[0] : dictionary;
        byte[] joined = Arrays.copyOf(before, before.length + length);
        System.arraycopy(input, 0, joined, before.length, length);
        return Arrays.copyOfRange(joined, Math.max(0, joined.length - DICTIONARY), joined.length);
    }

    /**
     * One block, sync-flushed so it ends on a byte boundary, never marked final. A block that does not compress
     * (random data, or files that are compressed already) is stored instead: deflate at any level would emit
     * stored blocks for it anyway, after spending most of gzip's time searching for matches that are not there.
     */
    static Compressed deflate(byte[] input, int length, byte[] dictionary, int level, byte[] output) {
        int chosen = level != Deflater.NO_COMPRESSION && Incompressible.test(input, length)
                ? Deflater.NO_COMPRESSION : level;
        Deflater deflater = new Deflater(chosen, true);
        try {
            if (dictionary != null && dictionary.length > 0) {
                deflater.setDictionary(dictionary);
            }
            deflater.setInput(input, 0, length);
            byte[] buffer = output;
            int size = 0;
            while (true) {
                if (size == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                int room = buffer.length - size;
                int n = deflater.deflate(buffer, size, room, Deflater.SYNC_FLUSH);
                size += n;
                // The flush is complete once it leaves room in the buffer (see Deflater.deflate).
                if (n < room) {
                    break;
                }
            }
            return new Compressed(input, buffer, size);
        } finally {
            deflater.end();
        }
    }

    private void deliverOldest() throws IOException {
        Future<Compressed> oldest = pending.poll();
        try {
            Compressed done = oldest.get();
            sink.accept(done.output(), done.length());
            freeInputs.add(done.input());
            freeOutputs.add(done.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelAll();
            throw new InterruptedIOException("interrupted while compressing");
        } catch (ExecutionException e) {
            cancelAll();
            throw new IOException("compressing a block failed: " + e.getCause(), e.getCause());
        }
    }

    private void cancelAll() {
        pending.forEach(f -> f.cancel(true));
        pending.clear();
    }

    /** Finishes the blocks (see {@link #finishBlocks()}). */
    @Override
    public void close() throws IOException {
        finishBlocks();
    }
}
