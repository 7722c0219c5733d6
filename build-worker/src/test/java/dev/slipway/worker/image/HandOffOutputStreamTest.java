package dev.slipway.worker.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class HandOffOutputStreamTest {

    @Test
    void everyByte_reachesTheTargetInOrder_andCloseClosesIt() throws IOException {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        AtomicBoolean closed = new AtomicBoolean();
        ByteArrayOutputStream target = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed.set(true);
            }
        };
        try (HandOffOutputStream out = new HandOffOutputStream(target, "test-writer", 4096, 2)) {
            Random sizes = new Random(5);
            int offset = 0;
            while (offset < data.length) {
                int n = Math.min(data.length - offset, sizes.nextInt(10_000));
                out.write(data, offset, n);
                offset += n;
                if (sizes.nextInt(20) == 0) {
                    out.write(new byte[0]);
                    out.flush();
                }
            }
        }
        assertArrayEquals(data, target.toByteArray());
        assertTrue(closed.get());
    }

    @Test
    void targetFailure_isThrownToTheWriter_andCloseDoesNotHang() {
        OutputStream failing = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("disk full");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("disk full");
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            HandOffOutputStream out = new HandOffOutputStream(failing, "test-writer", 1024, 2);
            IOException e = assertThrows(IOException.class, () -> {
                byte[] chunk = new byte[1024];
                for (int i = 0; i < 1000; i++) {
                    out.write(chunk);
                }
            });
            assertTrue(e.getMessage().contains("disk full"), e.getMessage());
            IOException atClose = assertThrows(IOException.class, out::close);
            assertEquals("disk full", atClose.getMessage());
        });
    }

    @Test
    void writeAfterClose_isRefused() throws IOException {
        HandOffOutputStream out = new HandOffOutputStream(OutputStream.nullOutputStream(), "test-writer");
        out.close();
        assertThrows(IOException.class, () -> out.write(1));
    }
}
