package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Adler32;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the header blobs of rpm's ndb database ({@code Packages.db}, SUSE SLE 15 and openSUSE), following rpm's
 * {@code lib/backend/ndb/rpmpkg.c}: a little-endian file header, {@code slotnpages} 4 KiB pages of 16-byte slots
 * (magic {@code Slot}, package index, block offset, block count; the header takes the first two), and blobs in
 * 16-byte blocks, each framed by a head ({@code BlbS}, package index, generation, length) and a tail (Adler-32 of
 * head and data, length, {@code BlbE}).
 *
 * <p>Every frame is checked as rpm checks it, checksum included, so a damaged file fails with
 * {@link ErrorCode#CONTENTS_UNREADABLE} instead of yielding a partial or wrong list. Blobs are returned in package-index
 * order, the order {@code rpm -qa} lists them.
 */
final class NdbRpmdb {
    static final String FILE_NAME = "Packages.db";

    private static final int HEADER_MAGIC = 'R' | 'p' << 8 | 'm' << 16 | 'P' << 24;
    private static final int SLOT_MAGIC = 'S' | 'l' << 8 | 'o' << 16 | 't' << 24;
    private static final int BLOB_HEAD_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'S' << 24;
    private static final int BLOB_TAIL_MAGIC = 'B' | 'l' << 8 | 'b' << 16 | 'E' << 24;
    private static final int PAGE_SIZE = 4096;
    private static final int SLOT_SIZE = 16;
    private static final int BLOCK_SIZE = 16;
    private static final int BLOB_HEAD_SIZE = 16;
    private static final int BLOB_TAIL_SIZE = 12;
    /** The slot pages a real database needs are few; go-rpmdb refuses more than 2048 to bound memory, as here. */
    private static final int MAX_SLOT_PAGES = 2048;
    /** rpm's own limit on one header (header_internal.h HEADER_DATA_MAX is 256 MiB). */
    private static final long MAX_BLOB_LENGTH = 0x10000000L;

    private record Slot(int packageIndex, long blockOffset, long blockCount) {
    }

    private NdbRpmdb() {
    }

    static List<byte[]> readBlobs(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer header = read(channel, 0, 32, file, "the file header");
            if (header.getInt(0) != HEADER_MAGIC) {
                throw corrupt(file, "it does not start with the ndb magic 'RpmP'");
            }
            int version = header.getInt(4);
            if (version != 0) {
                throw new SlipwayException(ErrorCode.RPMDB_FORMAT_UNSUPPORTED, "Tried to read the ndb rpm database "
                        + file + " but it has version " + Integer.toUnsignedString(version) + " (only 0 is known)");
            }
            long slotPages = Integer.toUnsignedLong(header.getInt(12));
            if (slotPages < 1 || slotPages > MAX_SLOT_PAGES || slotPages * PAGE_SIZE > size) {
                throw corrupt(file, "it claims " + slotPages + " slot pages in a " + size + "-byte file");
            }
            List<Slot> slots = slots(channel, file, (int) slotPages, size);
            List<byte[]> blobs = new ArrayList<>(slots.size());
            for (Slot slot : slots) {
                blobs.add(blob(channel, file, slot));
            }
            return blobs;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to read the ndb rpm database " + file + " but " + e, e);
        }
    }

    private static List<Slot> slots(FileChannel channel, Path file, int slotPages, long size) throws IOException {
        ByteBuffer area = read(channel, 0, slotPages * PAGE_SIZE, file, "the slot pages");
        long firstBlobBlock = (long) slotPages * PAGE_SIZE / BLOCK_SIZE;
        List<Slot> slots = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (int at = 2 * SLOT_SIZE; at < area.capacity(); at += SLOT_SIZE) {
            int slotNumber = at / SLOT_SIZE;
            if (area.getInt(at) != SLOT_MAGIC) {
                throw corrupt(file, "slot " + slotNumber + " lacks the 'Slot' magic");
            }
            int packageIndex = area.getInt(at + 4);
            if (packageIndex == 0) {
                continue;
            }
            long offset = Integer.toUnsignedLong(area.getInt(at + 8));
            long count = Integer.toUnsignedLong(area.getInt(at + 12));
            if (offset < firstBlobBlock || count < 2 || (offset + count) * BLOCK_SIZE > size) {
                throw corrupt(file, "slot " + slotNumber + " (package " + Integer.toUnsignedString(packageIndex)
                        + ") points at blocks " + offset + "+" + count + ", outside the blob area of the "
                        + size + "-byte file");
            }
            if (!seen.add(packageIndex)) {
                throw corrupt(file, "package " + Integer.toUnsignedString(packageIndex) + " has two slots");
            }
            slots.add(new Slot(packageIndex, offset, count));
        }
        slots.sort(Comparator.comparingLong(s -> Integer.toUnsignedLong(s.packageIndex())));
        return slots;
    }

    private static byte[] blob(FileChannel channel, Path file, Slot slot) throws IOException {
        String what = "the blob of package " + Integer.toUnsignedString(slot.packageIndex());
        long start = slot.blockOffset() * BLOCK_SIZE;
        ByteBuffer head = read(channel, start, BLOB_HEAD_SIZE, file, what);
        if (head.getInt(0) != BLOB_HEAD_MAGIC || head.getInt(4) != slot.packageIndex()) {
            throw corrupt(file, what + " at byte " + start + " has no 'BlbS' head for that package");
        }
        long length = Integer.toUnsignedLong(head.getInt(12));
        if (length > MAX_BLOB_LENGTH
                || slot.blockCount() != (BLOB_HEAD_SIZE + length + BLOB_TAIL_SIZE + BLOCK_SIZE - 1) / BLOCK_SIZE) {
            throw corrupt(file, what + " claims " + length + " bytes in " + slot.blockCount() + " blocks");
        }
        int framed = (int) (slot.blockCount() * BLOCK_SIZE);
        ByteBuffer all = read(channel, start, framed, file, what);
        int tail = framed - BLOB_TAIL_SIZE;
        Adler32 adler = new Adler32();
        adler.update(all.array(), 0, tail);
        if (all.getInt(tail) != (int) adler.getValue() || Integer.toUnsignedLong(all.getInt(tail + 4)) != length
                || all.getInt(tail + 8) != BLOB_TAIL_MAGIC) {
            throw corrupt(file, what + " fails its tail check (checksum, length or 'BlbE' magic)");
        }
        byte[] blob = new byte[(int) length];
        all.get(BLOB_HEAD_SIZE, blob);
        return blob;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length, Path file, String what)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw corrupt(file, what + " is cut short at byte " + (position + buffer.position()));
            }
        }
        return buffer.clear();
    }

    private static SlipwayException corrupt(Path file, String problem) {
        return new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                "Tried to read the ndb rpm database " + file + " but " + problem);
    }
}
