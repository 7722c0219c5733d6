package dev.slipway.worker.image;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.zip.Deflater;

/**
 * A gzip stream compressed on several cores ({@link DeflateBlocks}): one gzip member whose CRC-32 and length are
 * those of the whole input, readable by any gzip reader.
 */
public final class ParallelGzipOutputStream extends OutputStream {
    private final OutputStream out;
    private final DeflateBlocks blocks;
    private boolean closed;

    /**
     * @param out where the gzip member goes (closed by {@link #close()})
     * @param compressors the threads that deflate blocks; they must never wait on this stream
     */
    ParallelGzipOutputStream(OutputStream out, ExecutorService compressors, int blockSize, int level,
            int maxPending) throws IOException {
        this.out = out;
        this.blocks = new DeflateBlocks(compressors, blockSize, level, maxPending,
                (block, length) -> out.write(block, 0, length));
        out.write(Gzip.HEADER);
    }

    /** A stream with 1 MiB blocks, gzip's default level and two blocks in flight per available core. */
    public static ParallelGzipOutputStream of(OutputStream out, ExecutorService compressors) throws IOException {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ParallelGzipOutputStream(out, compressors, 1 << 20, Deflater.DEFAULT_COMPRESSION, 2 * cores + 1);
    }

    @Override
    public void write(int b) throws IOException {
        blocks.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        blocks.write(bytes, offset, length);
    }

    /** The number of uncompressed bytes written so far. */
    public long uncompressedSize() {
        return blocks.length();
    }

    /** Compresses what is left, ends the member (final block, CRC-32, length) and closes the target. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            blocks.finishBlocks();
            Gzip.writeEnd(out, blocks.crc32(), blocks.length());
        } finally {
            out.close();
        }
    }
}
