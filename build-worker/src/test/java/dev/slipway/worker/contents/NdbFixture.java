package dev.slipway.worker.contents;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.zip.Adler32;

/** Writes small ndb databases ({@code Packages.db}) the way rpm's rpmpkg.c lays them out, for tests and seeds. */
final class NdbFixture {
    private NdbFixture() {
    }

    static byte[] database(List<byte[]> headers) {
        int blocks = 0;
        for (byte[] h : headers) {
            blocks += (16 + h.length + 12 + 15) / 16;
        }
        ByteBuffer db = ByteBuffer.allocate(4096 + blocks * 16).order(ByteOrder.LITTLE_ENDIAN);
        db.putInt(0, 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24).putInt(4, 0).putInt(8, 1).putInt(12, 1)
                .putInt(16, headers.size() + 1);
        for (int slot = 2; slot < 256; slot++) {
            db.putInt(slot * 16, 'S' | 'l' << 8 | 'o' << 16 | 't' << 24);
        }
        int block = 4096 / 16;
        for (int i = 0; i < headers.size(); i++) {
            byte[] h = headers.get(i);
            int count = (16 + h.length + 12 + 15) / 16;
            int slot = (2 + i) * 16;
            db.putInt(slot + 4, i + 1).putInt(slot + 8, block).putInt(slot + 12, count);
            int at = block * 16;
            db.putInt(at, 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24).putInt(at + 4, i + 1).putInt(at + 8, 1)
                    .putInt(at + 12, h.length);
            db.put(at + 16, h);
            int tail = at + count * 16 - 12;
            Adler32 adler = new Adler32();
            adler.update(db.array(), at, tail - at);
            db.putInt(tail, (int) adler.getValue()).putInt(tail + 4, h.length)
                    .putInt(tail + 8, 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24);
            block += count;
        }
        return db.array();
    }
}
