package dev.slipway.registry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlobPipeTest {

    @Test
    void pipe_largeContentThroughFewChunks_arrivesWhole() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024];
        new Random(1).nextBytes(content);
        BlobPipe pipe = new BlobPipe(2);
        Thread writer = new Thread(() -> {
            try (OutputStream out = pipe.sink()) {
                for (int off = 0; off < content.length; off += 8192) {
                    out.write(content, off, Math.min(8192, content.length - off));
                }
                pipe.finish();
            } catch (IOException e) {
                pipe.fail(e);
            }
        });
        writer.start();

        byte[] read;
        try (InputStream in = pipe.source()) {
            read = in.readAllBytes();
        }

        assertArrayEquals(content, read);
    }

    @Test
    void pipe_failedDownload_readerGetsAnErrorInsteadOfTheEnd() throws Exception {
        BlobPipe pipe = new BlobPipe(4);
        pipe.sink().write(new byte[] {1, 2, 3});
        pipe.fail(new IllegalStateException("digest mismatch"));

        IOException e = assertThrows(IOException.class, () -> pipe.source().readAllBytes());

        assertTrue(e.getMessage().contains("digest mismatch"), e.getMessage());
    }

    @Test
    void pipe_readerClosed_writerStopsInsteadOfBlocking() throws Exception {
        BlobPipe pipe = new BlobPipe(1);
        pipe.source().close();

        assertThrows(IOException.class, () -> {
            OutputStream out = pipe.sink();
            out.write(new byte[10]);
            out.write(new byte[10]);
        });
    }
}
