package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the header blobs out of a legacy rpmdb {@code Packages} file, a Berkeley DB hash database (RHEL 8 and
 * older), without libdb: every hash page is scanned for key/data pairs, and values stored off-page are
 * reassembled from their overflow page chains. Layouts follow libdb 5.3's {@code db_page.h}.
 *
 * <p>The key is the header instance number; instance 0 holds rpm's own bookkeeping, not a header, and is skipped.
 */
final class BerkeleyDbRpmdb {
    static final String FILE_NAME = "Packages";

    private static final int HASH_MAGIC = 0x061561;
    private static final int PAGE_HEADER_SIZE = 26;
    private static final int P_INVALID = 0;
    private static final int P_HASH_UNSORTED = 2;
    private static final int P_OVERFLOW = 7;
    private static final int P_HASHMETA = 8;
    private static final int P_HASH = 13;
    private static final int H_KEYDATA = 1;
    private static final int H_OFFPAGE = 3;
    private static final int MAX_VALUE_LENGTH = 0x10000000;

    private final FileChannel channel;
    private final Path file;
    private final ByteOrder order;
    private final int pageSize;
    private final long pageCount;

    private BerkeleyDbRpmdb(FileChannel channel, Path file, ByteOrder order, int pageSize, long pageCount) {
        this.channel = channel;
        this.file = file;
        this.order = order;
        this.pageSize = pageSize;
        this.pageCount = pageCount;
    }

    static List<byte[]> readBlobs(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer meta = ByteBuffer.allocate(512);
            if (channel.read(meta, 0) < 512) {
                throw unreadable(file, "it is shorter than a Berkeley DB metadata page");
            }
            ByteOrder order = meta.order(ByteOrder.LITTLE_ENDIAN).getInt(12) == HASH_MAGIC
                    ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            meta.order(order);
            if (meta.getInt(12) != HASH_MAGIC || meta.get(25) != P_HASHMETA) {
                throw unreadable(file, "it is not a Berkeley DB hash database (magic 0x"
                        + Integer.toHexString(meta.getInt(12)) + ", page type " + meta.get(25) + ")");
            }
            if (meta.get(24) != 0) {
                throw new SlipwayException(ErrorCode.RPMDB_FORMAT_UNSUPPORTED,
                        "Tried to read the rpm database " + file + " but it is encrypted");
            }
            int pageSize = meta.getInt(20);
            if (pageSize < 512 || pageSize > 65536 || Integer.bitCount(pageSize) != 1) {
                throw unreadable(file, "its page size " + pageSize + " is not a power of two in 512..65536");
            }
            // The metadata names the last page: a file that ends before it lost pages (and headers with them).
            long pageCount = Integer.toUnsignedLong(meta.getInt(32)) + 1;
            if (pageCount * pageSize > channel.size()) {
                throw unreadable(file, "it is truncated: its metadata names page " + (pageCount - 1) + " of "
                        + pageSize + " bytes but the file has only " + channel.size() + " bytes");
            }
            return new BerkeleyDbRpmdb(channel, file, order, pageSize, pageCount).scan();
        } catch (IOException e) {
            throw unreadable(file, e.toString());
        }
    }

    private List<byte[]> scan() throws IOException {
        List<byte[]> blobs = new ArrayList<>();
        long[] next = new long[(int) Math.min(pageCount, Integer.MAX_VALUE - 8)];
        for (long pgno = 1; pgno < pageCount; pgno++) {
            ByteBuffer page = page(pgno);
            int type = page.get(25);
            if (type == P_INVALID) {
                continue;
            }
            // A page skipped for an unknown type would silently drop its headers: only known types pass, and each
            // page must carry its own number, which overwritten or shifted pages do not.
            if (type != P_HASH && type != P_HASH_UNSORTED && type != P_OVERFLOW
                    || Integer.toUnsignedLong(page.getInt(8)) != pgno) {
                throw unreadable(file, "page " + pgno + " has type " + type + " and page number "
                        + Integer.toUnsignedLong(page.getInt(8)) + "; it is damaged");
            }
            if (type != P_OVERFLOW) {
                next[(int) pgno] = Integer.toUnsignedLong(page.getInt(16));
                readPairs(pgno, page, blobs);
            }
        }
        checkHashChains(next);
        return blobs;
    }

    /**
     * Hash pages of one bucket are chained by next_pgno. The scan reads every page once and never follows the
     * chains, so a loop cannot hang it; but a loop or a link out of the file means the database is damaged.
     */
    private void checkHashChains(long[] next) {
        byte[] state = new byte[next.length];
        for (int start = 1; start < next.length; start++) {
            int pgno = start;
            while (pgno != 0 && state[pgno] == 0) {
                state[pgno] = 1;
                long to = next[pgno];
                if (to >= next.length) {
                    throw unreadable(file, "hash page " + pgno + " links to page " + to + ", past the last page");
                }
                pgno = (int) to;
            }
            if (pgno != 0 && state[pgno] == 1) {
                throw unreadable(file, "the hash pages chained from page " + start + " form a loop at page " + pgno);
            }
            for (int p = start; p != 0 && state[p] == 1; p = (int) next[p]) {
                state[p] = 2;
            }
        }
    }

    /** Hash pages hold alternating key and data items; the index after the page header points at each. */
    private void readPairs(long pgno, ByteBuffer page, List<byte[]> blobs) throws IOException {
        int entries = Short.toUnsignedInt(page.getShort(20));
        if (entries % 2 != 0 || PAGE_HEADER_SIZE + 2L * entries > pageSize) {
            throw unreadable(file, "hash page " + pgno + " claims " + entries + " index entries");
        }
        for (int i = 0; i < entries; i += 2) {
            byte[] key = inlineItem(pgno, page, i);
            if (isZero(key)) {
                continue;
            }
            blobs.add(value(pgno, page, i + 1));
        }
    }

    private byte[] value(long pgno, ByteBuffer page, int index) throws IOException {
        int offset = itemOffset(pgno, page, index);
        int type = page.get(offset);
        if (type == H_KEYDATA) {
            return inlineItem(pgno, page, index);
        }
        if (type != H_OFFPAGE || offset + 12 > pageSize) {
            throw unreadable(file, "hash page " + pgno + " item " + index + " has type " + type
                    + " (rpm stores only inline or off-page values)");
        }
        long first = Integer.toUnsignedLong(page.getInt(offset + 4));
        long total = Integer.toUnsignedLong(page.getInt(offset + 8));
        if (total > MAX_VALUE_LENGTH || total > pageCount * pageSize) {
            throw unreadable(file, "hash page " + pgno + " item " + index + " claims " + total + " bytes");
        }
        return overflowChain(first, (int) total);
    }

    private byte[] overflowChain(long first, int total) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        Set<Long> visited = new HashSet<>();
        long pgno = first;
        // Each page may be visited once: a chain that loops is damage, not a reason to read on (or to hang).
        while (out.size() < total) {
            if (pgno < 1 || pgno >= pageCount || !visited.add(pgno)) {
                throw unreadable(file, "an overflow chain starting at page " + first + " breaks or loops at page "
                        + pgno + " after " + out.size() + " of " + total + " bytes");
            }
            ByteBuffer page = page(pgno);
            int length = Short.toUnsignedInt(page.getShort(22));
            if (page.get(25) != P_OVERFLOW || PAGE_HEADER_SIZE + length > pageSize || length == 0
                    || length > total - out.size()) {
                throw unreadable(file, "overflow page " + pgno + " has type " + page.get(25) + " and length "
                        + length + " where " + (total - out.size()) + " bytes remain");
            }
            out.write(page.array(), PAGE_HEADER_SIZE, length);
            pgno = Integer.toUnsignedLong(page.getInt(16));
        }
        if (pgno != 0) {
            throw unreadable(file, "the overflow chain starting at page " + first + " holds all " + total
                    + " bytes but goes on to page " + pgno);
        }
        return out.toByteArray();
    }

    /** An H_KEYDATA item: its length is the distance to the previous item, which libdb stores just above it. */
    private byte[] inlineItem(long pgno, ByteBuffer page, int index) {
        int offset = itemOffset(pgno, page, index);
        int end = index == 0 ? pageSize : itemOffset(pgno, page, index - 1);
        if (page.get(offset) != H_KEYDATA || end <= offset) {
            throw unreadable(file, "hash page " + pgno + " item " + index + " is not inline data");
        }
        byte[] item = new byte[end - offset - 1];
        page.get(offset + 1, item);
        return item;
    }

    private int itemOffset(long pgno, ByteBuffer page, int index) {
        int entries = Short.toUnsignedInt(page.getShort(20));
        int offset = Short.toUnsignedInt(page.getShort(PAGE_HEADER_SIZE + 2 * index));
        if (offset < PAGE_HEADER_SIZE + 2 * entries || offset >= pageSize) {
            throw unreadable(file, "hash page " + pgno + " item " + index + " has offset " + offset);
        }
        return offset;
    }

    private ByteBuffer page(long pgno) throws IOException {
        ByteBuffer page = ByteBuffer.allocate(pageSize);
        long position = pgno * pageSize;
        while (page.hasRemaining()) {
            if (channel.read(page, position + page.position()) < 0) {
                throw unreadable(file, "page " + pgno + " is cut short");
            }
        }
        return page.clear().order(order);
    }

    private static boolean isZero(byte[] key) {
        for (byte b : key) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static SlipwayException unreadable(Path file, String problem) {
        return new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                "Tried to read the Berkeley DB rpm database " + file + " but " + problem);
    }
}
