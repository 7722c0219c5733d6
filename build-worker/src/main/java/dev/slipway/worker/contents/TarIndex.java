package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the entries of an uncompressed tar (ustar, with the PAX and GNU long-name extensions Docker's layers use)
 * by reading only its 512-byte headers and seeking over the data: indexing a layer costs one small read per entry
 * whatever the layer's size. General tar readers read (or at least touch) every data block on the way, which made
 * indexing a 10 MB layer cost more than reading the rpm database out of it.
 *
 * <p>Every header's checksum is verified, every size is bounded by the archive and the end-of-archive blocks must
 * be there, so garbage or a truncated archive fails with {@link ErrorCode#LAYER_ARCHIVE_INVALID}.
 */
final class TarIndex {
    private static final int BLOCK = 512;
    /** Extended headers (PAX records, GNU long names) hold a path or two; more than this is not a layer. */
    private static final int MAX_EXTENDED_HEADER = 1 << 20;

    /** One entry: its type flag, name and link name as the extensions left them, and where its data lies. */
    record Entry(char type, String name, String linkName, long dataOffset, long size, boolean sparse) {
        boolean isRegularFile() {
            return type == '0' || type == '\0' || type == '7';
        }
    }

    private TarIndex() {
    }

    static List<Entry> entries(SeekableByteChannel channel, int layer) throws IOException {
        long end = channel.size();
        List<Entry> entries = new ArrayList<>();
        String longName = null;
        String longLink = null;
        Long paxSize = null;
        boolean sparse = false;
        long position = 0;
        ByteBuffer header = ByteBuffer.allocate(BLOCK);
        while (true) {
            if (position + BLOCK > end) {
                // Every archiver Docker uses ends a tar with zero blocks; a layer without them was cut short.
                throw invalid(layer, "the archive ends at byte " + end + " without its end-of-archive blocks;"
                        + " it is truncated");
            }
            read(channel, header, position, layer);
            byte[] h = header.array();
            if (isZero(h)) {
                if (longName != null || longLink != null || paxSize != null) {
                    throw invalid(layer, "an extended header at the end names no entry; the archive is cut short");
                }
                break;
            }
            verifyChecksum(h, position, layer);
            char type = (char) (h[156] & 0xff);
            long size = number(h, 124, 12, position, layer);
            String[] pax = null;
            long dataOffset = position + BLOCK;
            if (type == 'x' || type == 'L' || type == 'K') {
                if (size > MAX_EXTENDED_HEADER) {
                    throw invalid(layer, "the extended header at byte " + position + " claims " + size + " bytes");
                }
            }
            if (dataOffset + size > end || dataOffset + size < dataOffset) {
                throw invalid(layer, "the entry at byte " + position + " claims " + size + " bytes, past the end of"
                        + " the " + end + "-byte archive");
            }
            switch (type) {
                case 'L' -> longName = cString(readBytes(channel, dataOffset, (int) size, layer), 0, (int) size);
                case 'K' -> longLink = cString(readBytes(channel, dataOffset, (int) size, layer), 0, (int) size);
                case 'x' -> {
                    pax = pax(readBytes(channel, dataOffset, (int) size, layer), position, layer);
                    if (pax[0] != null) {
                        longName = pax[0];
                    }
                    if (pax[1] != null) {
                        longLink = pax[1];
                    }
                    if (pax[2] != null) {
                        paxSize = parseDecimal(pax[2], position, layer);
                    }
                    sparse |= pax[3] != null;
                }
                case 'g' -> {
                    // Global PAX headers carry defaults Docker never relies on; their data is skipped.
                }
                default -> {
                    long realSize = paxSize != null ? paxSize : size;
                    if (paxSize != null && dataOffset + realSize > end) {
                        throw invalid(layer, "the entry at byte " + position + " claims " + realSize + " bytes");
                    }
                    String name = longName != null ? longName : name(h);
                    String link = longLink != null ? longLink : cString(h, 157, 100);
                    entries.add(new Entry(type, name, link, dataOffset, realSize, sparse || type == 'S'));
                    size = realSize;
                    longName = null;
                    longLink = null;
                    paxSize = null;
                    sparse = false;
                }
            }
            position = dataOffset + (size + BLOCK - 1) / BLOCK * BLOCK;
        }
        return entries;
    }

    /** A ustar name is prefix + "/" + name; old GNU headers use the prefix field for other things. */
    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r'
                && h[262] == 0;
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** PAX records "LEN key=value\n": path, linkpath, size, and whether GNU sparse keys are present. */
    private static String[] pax(byte[] data, long position, int layer) {
        String[] out = new String[4];
        int at = 0;
        while (at < data.length) {
            int space = at;
            while (space < data.length && data[space] != ' ') {
                space++;
            }
            long length = space < data.length ? parseDecimal(new String(data, at, space - at,
                    StandardCharsets.US_ASCII), position, layer) : -1;
            if (length < space - at + 2 || at + length > data.length) {
                throw invalid(layer, "the PAX header at byte " + position + " has a malformed record");
            }
            String record = new String(data, space + 1, (int) (at + length - space - 2), StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals > 0) {
                String key = record.substring(0, equals);
                String value = record.substring(equals + 1);
                switch (key) {
                    case "path" -> out[0] = value;
                    case "linkpath" -> out[1] = value;
                    case "size" -> out[2] = value;
                    default -> {
                        if (key.startsWith("GNU.sparse.")) {
                            out[3] = "sparse";
                        }
                    }
                }
            }
            at += (int) length;
        }
        return out;
    }

    private static long parseDecimal(String text, long position, int layer) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(layer, "the PAX header at byte " + position + " has the number '"
                    + (text.length() > 20 ? text.substring(0, 20) + "..." : text) + "'");
        }
        return Long.parseLong(text);
    }

    /** Octal digits (space or NUL padded), or base-256 when the first byte's high bit is set (GNU, large files). */
    private static long number(byte[] h, int offset, int length, long position, int layer) {
        if ((h[offset] & 0x80) != 0) {
            long value = h[offset] & 0x3f;
            if ((h[offset] & 0x40) != 0) {
                throw invalid(layer, "the entry at byte " + position + " has a negative size");
            }
            for (int i = 1; i < length; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    throw invalid(layer, "the entry at byte " + position + " has a size beyond any archive");
                }
                value = value << 8 | (h[offset + i] & 0xff);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int stop = offset + length;
        while (i < stop && h[i] == ' ') {
            i++;
        }
        for (; i < stop && h[i] >= '0' && h[i] <= '7'; i++) {
            value = value << 3 | (h[i] - '0');
        }
        for (; i < stop; i++) {
            if (h[i] != ' ' && h[i] != 0) {
                throw invalid(layer, "the entry at byte " + position + " has a size field that is not octal");
            }
        }
        return value;
    }

    private static void verifyChecksum(byte[] h, long position, int layer) {
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : h[i];
            unsigned += b & 0xff;
            signed += b;
        }
        long stored = number(h, 148, 8, position, layer);
        if (stored != unsigned && stored != signed) {
            throw invalid(layer, "the header at byte " + position + " fails its checksum; the archive is damaged");
        }
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] readBytes(SeekableByteChannel channel, long position, int length, int layer)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        read(channel, buffer, position, layer);
        return buffer.array();
    }

    private static void read(SeekableByteChannel channel, ByteBuffer buffer, long position, int layer)
            throws IOException {
        buffer.clear();
        channel.position(position);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw invalid(layer, "the archive ends inside the block at byte " + position);
            }
        }
    }

    private static SlipwayException invalid(int layer, String problem) {
        return new SlipwayException(ErrorCode.LAYER_ARCHIVE_INVALID, "Tried to read the image's layers but in layer "
                + (layer + 1) + " " + problem);
    }
}
