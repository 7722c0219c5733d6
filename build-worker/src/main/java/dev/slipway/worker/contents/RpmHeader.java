package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One RPM header as an rpmdb stores it: big-endian index count and data length, 16-byte index entries
 * (tag, type, offset, count), then the data store; unlike a header inside an .rpm file it has no 8-byte magic.
 *
 * <p>Every entry is bounds-checked when the blob is parsed (the limits follow rpm's own {@code hdrblobVerifyInfo}),
 * so a malformed blob fails with {@link ErrorCode#RPM_HEADER_INVALID} instead of an index error later.
 */
public final class RpmHeader {
    static final int TYPE_NULL = 0;
    static final int TYPE_CHAR = 1;
    static final int TYPE_INT8 = 2;
    static final int TYPE_INT16 = 3;
    static final int TYPE_INT32 = 4;
    static final int TYPE_INT64 = 5;
    static final int TYPE_STRING = 6;
    static final int TYPE_BIN = 7;
    static final int TYPE_STRING_ARRAY = 8;
    static final int TYPE_I18NSTRING = 9;

    /** rpm refuses headers with more index entries or data than this (header_internal.h). */
    private static final int MAX_INDEX_COUNT = 0xffff;
    private static final int MAX_DATA_LENGTH = 0x0fffffff;
    private static final int INDEX_ENTRY_SIZE = 16;

    private final Map<Integer, Entry> entries;
    private final byte[] data;

    private RpmHeader(Map<Integer, Entry> entries, byte[] data) {
        this.entries = entries;
        this.data = data;
    }

    /** One index entry; {@code length} is the number of data bytes it covers, computed while validating. */
    private record Entry(int tag, int type, int offset, int count, int length) {
    }

    /** Parses and validates a header blob as read from an rpmdb. */
    public static RpmHeader parse(byte[] blob) {
        if (blob == null || blob.length < 8) {
            throw invalid("the blob is " + (blob == null ? "missing" : blob.length + " bytes")
                    + ", shorter than the 8-byte index count and data length");
        }
        ByteBuffer buf = ByteBuffer.wrap(blob);
        long indexCount = Integer.toUnsignedLong(buf.getInt(0));
        long dataLength = Integer.toUnsignedLong(buf.getInt(4));
        if (indexCount < 1 || indexCount > MAX_INDEX_COUNT) {
            throw invalid("index count " + indexCount + " is outside 1.." + MAX_INDEX_COUNT);
        }
        if (dataLength > MAX_DATA_LENGTH) {
            throw invalid("data length " + dataLength + " exceeds " + MAX_DATA_LENGTH);
        }
        long expected = 8 + indexCount * INDEX_ENTRY_SIZE + dataLength;
        if (expected != blob.length) {
            throw invalid("index count " + indexCount + " and data length " + dataLength + " need " + expected
                    + " bytes but the blob has " + blob.length);
        }
        int dataStart = 8 + (int) indexCount * INDEX_ENTRY_SIZE;
        byte[] data = Arrays.copyOfRange(blob, dataStart, blob.length);
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < indexCount; i++) {
            int at = 8 + i * INDEX_ENTRY_SIZE;
            int tag = buf.getInt(at);
            int type = buf.getInt(at + 4);
            int offset = buf.getInt(at + 8);
            long count = Integer.toUnsignedLong(buf.getInt(at + 12));
            Entry entry = validate(tag, type, offset, count, data);
            // rpm keeps the first entry of a tag; later duplicates are never consulted.
            entries.putIfAbsent(tag, entry);
        }
        return new RpmHeader(Map.copyOf(entries), data);
    }

    private static Entry validate(int tag, int type, int offset, long count, byte[] data) {
        String what = "entry for tag " + tag;
        if (type < TYPE_NULL || type > TYPE_I18NSTRING) {
            throw invalid(what + " has unknown type " + type);
        }
        if (offset < 0 || offset > data.length) {
            throw invalid(what + " has offset " + offset + " outside the " + data.length + "-byte data store");
        }
        if (type != TYPE_NULL && (count < 1 || count > data.length)) {
            throw invalid(what + " has count " + count + " for a " + data.length + "-byte data store");
        }
        if (type == TYPE_STRING && count != 1) {
            throw invalid(what + " is a string with count " + count + " (must be 1)");
        }
        int align = switch (type) {
            case TYPE_INT16 -> 2;
            case TYPE_INT32 -> 4;
            case TYPE_INT64 -> 8;
            default -> 1;
        };
        if (offset % align != 0) {
            throw invalid(what + " has offset " + offset + " not aligned to " + align + " bytes");
        }
        long length = switch (type) {
            case TYPE_NULL -> 0;
            case TYPE_STRING, TYPE_STRING_ARRAY, TYPE_I18NSTRING -> stringsLength(what, data, offset, count);
            default -> count * align;
        };
        if (offset + length > data.length) {
            throw invalid(what + " needs bytes " + offset + ".." + (offset + length) + " but the data store has "
                    + data.length);
        }
        return new Entry(tag, type, offset, (int) count, (int) length);
    }

    /** The byte length of {@code count} NUL-terminated strings starting at {@code offset}. */
    private static long stringsLength(String what, byte[] data, int offset, long count) {
        int pos = offset;
        for (long i = 0; i < count; i++) {
            while (pos < data.length && data[pos] != 0) {
                pos++;
            }
            if (pos >= data.length) {
                throw invalid(what + " has string " + (i + 1) + " of " + count + " not NUL-terminated inside the"
                        + " data store");
            }
            pos++;
        }
        return pos - offset;
    }

    /** Whether the header has an entry for this tag. */
    public boolean has(int tag) {
        return entries.containsKey(tag);
    }

    /** A STRING value, or the first (untranslated) value of an I18NSTRING. */
    public Optional<String> string(int tag) {
        return Optional.ofNullable(entries.get(tag))
                .map(e -> strings(requireType(e, "a string", TYPE_STRING, TYPE_I18NSTRING)).get(0));
    }

    /** The first (untranslated) value of an I18NSTRING; rpmdb headers keep only the C locale. */
    public Optional<String> i18nString(int tag) {
        return Optional.ofNullable(entries.get(tag))
                .map(e -> strings(requireType(e, "an i18n string", TYPE_I18NSTRING)).get(0));
    }

    /** A STRING_ARRAY (or I18NSTRING) value; empty when the tag is absent. */
    public List<String> stringArray(int tag) {
        Entry e = entries.get(tag);
        return e == null ? List.of() : strings(requireType(e, "a string array", TYPE_STRING_ARRAY, TYPE_I18NSTRING));
    }

    /** The first value of an INT32 entry. */
    public Optional<Integer> int32(int tag) {
        return Optional.ofNullable(entries.get(tag))
                .map(e -> ByteBuffer.wrap(data).getInt(requireType(e, "an int32", TYPE_INT32).offset()));
    }

    /** The first value of an INT64 entry. */
    public Optional<Long> int64(int tag) {
        return Optional.ofNullable(entries.get(tag))
                .map(e -> ByteBuffer.wrap(data).getLong(requireType(e, "an int64", TYPE_INT64).offset()));
    }

    /** The bytes of a BIN entry (a copy). */
    public Optional<byte[]> bin(int tag) {
        return Optional.ofNullable(entries.get(tag)).map(e -> {
            Entry bin = requireType(e, "binary", TYPE_BIN);
            return Arrays.copyOfRange(data, bin.offset(), bin.offset() + bin.length());
        });
    }

    private List<String> strings(Entry e) {
        List<String> out = new ArrayList<>(e.count());
        int pos = e.offset();
        for (int i = 0; i < e.count(); i++) {
            int end = pos;
            while (data[end] != 0) {
                end++;
            }
            out.add(new String(data, pos, end - pos, StandardCharsets.UTF_8));
            pos = end + 1;
        }
        return List.copyOf(out);
    }

    private static Entry requireType(Entry e, String expected, int... types) {
        for (int t : types) {
            if (e.type() == t) {
                return e;
            }
        }
        throw invalid("tag " + e.tag() + " has type " + e.type() + " where " + expected + " was expected");
    }

    private static SlipwayException invalid(String problem) {
        return new SlipwayException(ErrorCode.RPM_HEADER_INVALID, "Tried to read an rpmdb header but " + problem);
    }
}
