package dev.slipway.worker.contents;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds rpmdb-style header blobs (no magic) for tests, including deliberately broken ones. */
final class HeaderBlob {
    private record Entry(int tag, int type, int offset, int count) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();

    HeaderBlob string(int tag, String value) {
        return strings(tag, RpmHeader.TYPE_STRING, value);
    }

    HeaderBlob strings(int tag, int type, String... values) {
        int offset = data.size();
        for (String v : values) {
            data.writeBytes(v.getBytes(StandardCharsets.UTF_8));
            data.write(0);
        }
        return raw(tag, type, offset, values.length);
    }

    HeaderBlob int32(int tag, int... values) {
        align(4);
        int offset = data.size();
        for (int v : values) {
            data.writeBytes(ByteBuffer.allocate(4).putInt(v).array());
        }
        return raw(tag, RpmHeader.TYPE_INT32, offset, values.length);
    }

    HeaderBlob int64(int tag, long value) {
        align(8);
        int offset = data.size();
        data.writeBytes(ByteBuffer.allocate(8).putLong(value).array());
        return raw(tag, RpmHeader.TYPE_INT64, offset, 1);
    }

    HeaderBlob bin(int tag, byte[] value) {
        int offset = data.size();
        data.writeBytes(value);
        return raw(tag, RpmHeader.TYPE_BIN, offset, value.length);
    }

    /** An index entry exactly as given, for malformed headers. */
    HeaderBlob raw(int tag, int type, int offset, int count) {
        entries.add(new Entry(tag, type, offset, count));
        return this;
    }

    /** Appends bytes to the data store without an entry. */
    HeaderBlob pad(int bytes) {
        data.writeBytes(new byte[bytes]);
        return this;
    }

    private void align(int to) {
        while (data.size() % to != 0) {
            data.write(0);
        }
    }

    byte[] build() {
        ByteBuffer out = ByteBuffer.allocate(8 + 16 * entries.size() + data.size());
        out.putInt(entries.size()).putInt(data.size());
        for (Entry e : entries) {
            out.putInt(e.tag()).putInt(e.type()).putInt(e.offset()).putInt(e.count());
        }
        out.put(data.toByteArray());
        return out.array();
    }
}
