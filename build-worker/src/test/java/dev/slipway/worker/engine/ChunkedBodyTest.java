package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

    private static InputStream chunked(String wire) {
        return new ChunkedBody(new BufferedInputStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1))));
    }

    @Test
    void chunks_withExtensionsAndTrailers_decodeToTheBody() throws IOException {
        InputStream body = chunked("5;name=value\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\nnext");
        assertEquals("hello 0123456789", new String(body.readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(-1, body.read());
    }

    @Test
    void upperCaseHexAndBareLineFeeds_areAccepted() throws IOException {
        assertEquals("ab", new String(chunked("2\nab\n0\n\n").readAllBytes(), StandardCharsets.ISO_8859_1));
        assertEquals(26, chunked("1A\r\n" + "x".repeat(26) + "\r\n0\r\n\r\n").readAllBytes().length);
    }

    @Test
    void emptyBody_isJustTheLastChunk() throws IOException {
        assertEquals(0, chunked("0\r\n\r\n").readAllBytes().length);
    }

    @Test
    void oneRead_spansBufferedChunks() throws IOException {
        // The engine sends 32 KiB chunks; a caller asking for more gets every buffered chunk in one read.
        StringBuilder wire = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            wire.append("8\r\n").append("abcdefgh").append("\r\n");
        }
        wire.append("0\r\n\r\n");
        byte[] buffer = new byte[100];
        assertEquals(32, chunked(wire.toString()).read(buffer, 0, buffer.length));
    }

    @Test
    void largeRandomBody_roundTrips() throws IOException {
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        StringBuilder wire = new StringBuilder();
        for (int offset = 0; offset < data.length; offset += 32768) {
            wire.append(Integer.toHexString(32768)).append("\r\n")
                    .append(new String(data, offset, 32768, StandardCharsets.ISO_8859_1)).append("\r\n");
        }
        wire.append("0\r\n\r\n");
        assertArrayEquals(data, chunked(wire.toString()).readAllBytes());
    }

    @Test
    void streamEndingInsideAChunk_isAnEofNotAShortBody() {
        EOFException e = assertThrows(EOFException.class, () -> chunked("a\r\nabc").readAllBytes());
        assertTrue(e.getMessage().contains("inside a chunk"), e.getMessage());
    }

    @Test
    void streamEndingWithoutTheLastChunk_isAnEof() {
        assertThrows(EOFException.class, () -> chunked("3\r\nabc\r\n").readAllBytes());
    }

    @Test
    void malformedChunkSize_isRefused() {
        IOException e = assertThrows(IOException.class, () -> chunked("zz\r\nabc\r\n0\r\n\r\n").readAllBytes());
        assertTrue(e.getMessage().contains("malformed chunk size"), e.getMessage());
        assertThrows(IOException.class, () -> chunked("\r\n").readAllBytes());
        assertThrows(IOException.class, () -> chunked("-1\r\n").readAllBytes());
        assertThrows(IOException.class, () -> chunked("1234567890abcdef0\r\n").readAllBytes());
    }

    @Test
    void chunkLongerThanItsSize_isRefused() {
        IOException e = assertThrows(IOException.class, () -> chunked("2\r\nabc\r\n0\r\n\r\n").readAllBytes());
        assertTrue(e.getMessage().contains("stray bytes"), e.getMessage());
    }

    @Test
    void endlessChunkLine_isRefusedWithoutBufferingIt() {
        IOException e = assertThrows(IOException.class, () -> chunked("1".repeat(10_000)).readAllBytes());
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }
}
