package dev.slipway.worker.image;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The framing of a gzip member around a raw deflate stream whose blocks are all sync-flushed: a fixed header, and
 * at the end an empty final block (what zlib writes for a finish after a flush) and the CRC-32 and length mod 2^32.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc1952">RFC 1952 (gzip)</a>
 */
final class Gzip {
    /** Magic, deflate, no flags, no mtime, no extra flags, OS unknown. */
    static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** An empty fixed-Huffman block with BFINAL set. */
    static final byte[] FINAL_EMPTY_BLOCK = {3, 0};

    private Gzip() {
    }

    static void writeEnd(OutputStream out, int crc32, long length) throws IOException {
        out.write(FINAL_EMPTY_BLOCK);
        byte[] trailer = new byte[8];
        putIntLittleEndian(trailer, 0, crc32);
        putIntLittleEndian(trailer, 4, (int) length);
        out.write(trailer);
    }

    private static void putIntLittleEndian(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
        b[at + 2] = (byte) (value >>> 16);
        b[at + 3] = (byte) (value >>> 24);
    }
}
