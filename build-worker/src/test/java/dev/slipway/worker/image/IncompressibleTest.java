package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class IncompressibleTest {
    private static final int BLOCK = 1 << 20;

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] text(int size) {
        byte[] line = "Name: slipway-echo Version: 4.2 Release: 3.fx License: MIT\n".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = line[i % line.length];
        }
        return b;
    }

    @Test
    void test_randomBlock_isIncompressible() {
        assertTrue(Incompressible.test(random(BLOCK, 1), BLOCK));
    }

    @Test
    void test_textBlock_isCompressible() {
        assertFalse(Incompressible.test(text(BLOCK), BLOCK));
    }

    @Test
    void test_blockMixingRandomAndText_isCompressedAsUsual() {
        byte[] mixed = random(BLOCK, 2);
        System.arraycopy(text(BLOCK / 2), 0, mixed, BLOCK / 2, BLOCK / 2);
        assertFalse(Incompressible.test(mixed, BLOCK));
    }

    @Test
    void test_smallBlock_isCompressedAsUsual() {
        assertFalse(Incompressible.test(random(16 * 1024, 3), 16 * 1024));
    }

    @Test
    void deflate_randomBlock_isStoredAndNoLargerThanDeflateAtTheDefaultLevel() throws Exception {
        byte[] input = random(BLOCK, 4);
        byte[] dictionary = random(DeflateBlocks.DICTIONARY, 5);
        byte[] ours = compressed(input, dictionary);
        // BTYPE 00: a stored block, the first of the sync-flushed stream.
        assertEquals(0, (ours[0] >> 1) & 3);
        byte[] zlib = deflateAtDefaultLevel(input, dictionary);
        assertTrue(ours.length <= zlib.length + 64, ours.length + " > " + zlib.length);
        assertArrayEquals(input, inflate(ours, dictionary));
    }

    @Test
    void deflate_textBlock_isStillDeflated() throws Exception {
        byte[] input = text(BLOCK);
        byte[] ours = compressed(input, null);
        assertTrue(ours.length < BLOCK / 50, "text compressed to " + ours.length);
        assertArrayEquals(input, inflate(ours, null));
    }

    private static byte[] compressed(byte[] input, byte[] dictionary) {
        byte[] out = new byte[input.length + input.length / 1000 + 1024];
        DeflateBlocks.Compressed c = DeflateBlocks.deflate(input, input.length, dictionary,
                Deflater.DEFAULT_COMPRESSION, out);
        return Arrays.copyOf(c.output(), c.length());
    }

    private static byte[] deflateAtDefaultLevel(byte[] input, byte[] dictionary) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setDictionary(dictionary);
        d.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = d.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
        } while (n == buffer.length || !d.needsInput());
        d.end();
        return out.toByteArray();
    }

    private static byte[] inflate(byte[] deflated, byte[] dictionary) throws Exception {
        Inflater inflater = new Inflater(true);
        if (dictionary != null) {
            inflater.setDictionary(dictionary);
        }
        inflater.setInput(deflated);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!inflater.needsInput()) {
            int n = inflater.inflate(buffer);
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
