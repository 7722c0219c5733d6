package dev.slipway.worker.image;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes {@code docker save | gzip} without compressing the layers a second time: the archive's own bytes (tar
 * headers, the config, the manifest, padding) are deflated here, and each layer's content is spliced in as the
 * deflate blocks already made for its OCI blob. That works because every piece ends sync-flushed on a byte
 * boundary and no piece refers back to bytes before its own start (each segment here starts with a fresh
 * deflater). The member's CRC-32 and length are those of the whole archive, so it gunzips to the exact stream.
 */
final class SplicedArchiveGzip implements Closeable {
    private final OutputStream file;
    private final CRC32 crc = new CRC32();
    private final byte[] buffer = new byte[1 << 16];
    private long total;
    private Deflater segment;
    private boolean splicing;

    SplicedArchiveGzip(OutputStream file) throws IOException {
        this.file = file;
        file.write(Gzip.HEADER);
    }

    /** Every byte of the archive, in order; bytes that arrive while splicing are only counted. */
    OutputStream raw() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                crc.update(bytes, offset, length);
                total += length;
                if (!splicing) {
                    deflate(bytes, offset, length);
                }
            }
        };
    }

    /** The bytes read from now on are a layer whose compressed blocks arrive through {@link #splice}. */
    void beginSplice() throws IOException {
        flushSegment();
        splicing = true;
    }

    void splice(byte[] block, int length) throws IOException {
        file.write(block, 0, length);
    }

    void endSplice() {
        splicing = false;
    }

    private void deflate(byte[] bytes, int offset, int length) throws IOException {
        if (segment == null) {
            segment = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        }
        segment.setInput(bytes, offset, length);
        while (!segment.needsInput()) {
            int n = segment.deflate(buffer, 0, buffer.length, Deflater.NO_FLUSH);
            file.write(buffer, 0, n);
        }
    }

    private void flushSegment() throws IOException {
        if (segment == null) {
            return;
        }
        try {
            int n;
            do {
                n = segment.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                file.write(buffer, 0, n);
            } while (n == buffer.length);
        } finally {
            segment.end();
            segment = null;
        }
    }

    /** Ends the member (final block, CRC-32, length) and closes the file. */
    @Override
    public void close() throws IOException {
        try {
            flushSegment();
            Gzip.writeEnd(file, (int) crc.getValue(), total);
        } finally {
            if (segment != null) {
                segment.end();
            }
            file.close();
        }
    }
}
