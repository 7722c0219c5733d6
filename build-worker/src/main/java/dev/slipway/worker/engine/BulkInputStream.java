package dev.slipway.worker.engine;

import java.io.IOException;
import java.io.InputStream;

/** An input stream whose single-byte read is its bulk read of one byte: subclasses write only the bulk read. */
abstract class BulkInputStream extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] bytes, int offset, int length) throws IOException;
}
