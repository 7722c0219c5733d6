package dev.slipway.worker.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The local copy of a layer tar, kept only for the package reader: every byte sits at its offset in the layer, but
 * the data of large regular files the reader never opens is left as a hole (a sparse file), so a layer of big
 * files costs its headers on disk instead of its size. The tar is followed as it streams past (ustar sizes in
 * octal or base-256, PAX {@code size} and {@code path}, GNU long names); anything it cannot follow makes it write
 * every remaining byte, and the index reader still checks the archive itself.
 *
 * <p>A hard link whose name is wanted but whose target's data was left out makes the copy {@link #complete()}
 * false; the caller then writes the whole layer from its blob instead.
 */
final class SparseLayerCopy extends OutputStream {
    /** Files smaller than this are always written: their holes would save nothing. */
    static final long SKIP_AT_LEAST = 64 * 1024;
    private static final int BLOCK = 512;
    private static final int MAX_EXTENDED = 1 << 20;
    private static final int BUFFER = 1 << 16;

    private final FileChannel file;
    private final Predicate<String> wanted;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final byte[] header = new byte[BLOCK];
    private final Set<String> skipped = new HashSet<>();
    private long position;
    private long bufferStart;
    private int headerFill;
    /** Data bytes (with padding) of the current entry still to come, and whether they are written. */
    private long dataLeft;
    private boolean writingData;
    /** The extended header being collected (PAX or GNU long name/link), its type, and what it said. */
    private byte[] extended;
    private int extendedFill;
    private char extendedType;
    private String longName;
    private String longLink;
    private Long paxSize;
    private boolean passThrough;
    private boolean complete = true;

    /** {@code wanted}: file names (the last path element) the package reader may open. */
    SparseLayerCopy(Path target, Predicate<String> wanted) throws IOException {
        this.file = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        this.wanted = wanted;
    }

    /** True when no data was left out: the copy is the layer, byte for byte. */
    boolean exact() {
        return skipped.isEmpty();
    }

    /** False when a wanted hard link points at data this copy left out. */
    boolean complete() {
        return complete;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        while (length > 0) {
            int n;
            if (passThrough) {
                n = length;
                keep(bytes, offset, n);
            } else if (dataLeft > 0) {
                n = (int) Math.min(length, dataLeft);
                if (writingData) {
                    keep(bytes, offset, n);
                    collectExtended(bytes, offset, n);
                } else {
                    skip(n);
                }
                dataLeft -= n;
                if (dataLeft == 0 && extended != null) {
                    endExtended();
                }
            } else {
                n = Math.min(length, BLOCK - headerFill);
                System.arraycopy(bytes, offset, header, headerFill, n);
                keep(bytes, offset, n);
                headerFill += n;
                if (headerFill == BLOCK) {
                    headerFill = 0;
                    onHeader();
                }
            }
            offset += n;
            length -= n;
        }
    }

    private void onHeader() {
        if (isZero(header)) {
            return; // end-of-archive blocks and padding: written as they come
        }
        char type = (char) (header[156] & 0xff);
        Long size = size();
        if (size == null || size < 0) {
            passThrough = true;
            return;
        }
        boolean extendedHeader = type == 'x' || type == 'L' || type == 'K';
        long data = extendedHeader || paxSize == null ? size : paxSize;
        dataLeft = (data + BLOCK - 1) / BLOCK * BLOCK;
        writingData = true;
        if (extendedHeader) {
            if (size > MAX_EXTENDED) {
                passThrough = true;
                return;
            }
            extended = new byte[size.intValue()];
            extendedFill = 0;
            extendedType = type;
            if (dataLeft == 0) {
                endExtended();
            }
            return;
        }
        String name = longName != null ? longName : ustarName();
        String link = longLink != null ? longLink : cString(header, 157, 100);
        longName = null;
        longLink = null;
        paxSize = null;
        boolean regular = type == '0' || type == '\0' || type == '7';
        if (regular && data >= SKIP_AT_LEAST && !wanted.test(baseName(name))) {
            writingData = false;
            skipped.add(normalize(name));
        } else if (type == '1' && wanted.test(baseName(name)) && skipped.contains(normalize(link))) {
            complete = false;
        }
    }

    private void collectExtended(byte[] bytes, int offset, int n) {
        if (extended != null && extendedFill < extended.length) {
            int take = Math.min(n, extended.length - extendedFill);
            System.arraycopy(bytes, offset, extended, extendedFill, take);
            extendedFill += take;
        }
    }

    private void endExtended() {
        switch (extendedType) {
            case 'L' -> longName = cString(extended, 0, extended.length);
            case 'K' -> longLink = cString(extended, 0, extended.length);
            default -> pax(new String(extended, StandardCharsets.UTF_8));
        }
        extended = null;
    }

    /** PAX records are {@code "<length> <key>=<value>\n"}; only size, path and linkpath matter here. */
    private void pax(String records) {
        int at = 0;
        while (at < records.length()) {
            int space = records.indexOf(' ', at);
            int length;
            try {
                length = space < 0 ? -1 : Integer.parseInt(records.substring(at, space));
            } catch (NumberFormatException e) {
                length = -1;
            }
            if (length <= 0 || at + length > records.length()) {
                passThrough = true;
                return;
            }
            String record = records.substring(space + 1, at + length - 1);
            int equals = record.indexOf('=');
            if (equals > 0) {
                String key = record.substring(0, equals);
                String value = record.substring(equals + 1);
                switch (key) {
                    case "path" -> longName = value;
                    case "linkpath" -> longLink = value;
                    case "size" -> {
                        try {
                            paxSize = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            passThrough = true;
                            return;
                        }
                    }
                    default -> {
                    }
                }
            }
            at += length;
        }
    }

    /** The size field: octal digits, or base-256 when the top bit of its first byte is set; null if neither. */
    private Long size() {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                if ((value >>> 55) != 0) {
                    return null;
                }
                value = (value << 8) | (header[i] & 0xff);
            }
            return (header[124] & 0x7f) == 0 ? value : null;
        }
        long value = 0;
        boolean digits = false;
        for (int i = 124; i < 136; i++) {
            byte b = header[i];
            if (b >= '0' && b <= '7') {
                value = value * 8 + (b - '0');
                digits = true;
            } else if (b == 0 || b == ' ') {
                if (digits) {
                    break;
                }
            } else {
                return null;
            }
        }
        return value;
    }

    private String ustarName() {
        String name = cString(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r';
        String prefix = ustar ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String baseName(String name) {
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String normalize(String name) {
        String n = name;
        while (n.startsWith("./") || n.startsWith("/")) {
            n = n.substring(n.startsWith("./") ? 2 : 1);
        }
        return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void keep(byte[] bytes, int offset, int n) throws IOException {
        while (n > 0) {
            int take = Math.min(n, buffer.remaining());
            buffer.put(bytes, offset, take);
            offset += take;
            n -= take;
            position += take;
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
        }
    }

    private void skip(long n) throws IOException {
        flushBuffer();
        position += n;
        bufferStart = position;
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        long at = bufferStart;
        while (buffer.hasRemaining()) {
            at += file.write(buffer, at);
        }
        buffer.clear();
        bufferStart = position;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
            if (file.size() < position) {
                // The layer ended inside a hole (a cut-short archive): keep its length all the same.
                file.write(ByteBuffer.wrap(new byte[1]), position - 1);
            }
        } finally {
            file.close();
        }
    }
}
