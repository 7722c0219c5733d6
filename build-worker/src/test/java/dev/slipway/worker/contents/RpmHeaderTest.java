package dev.slipway.worker.contents;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RpmHeaderTest {
    private static byte[] sample() {
        return new HeaderBlob()
                .string(RpmTag.NAME, "bash")
                .strings(RpmTag.SUMMARY, RpmHeader.TYPE_I18NSTRING, "The GNU shell", "Die GNU-Shell")
                .int32(RpmTag.EPOCH, 3)
                .int64(RpmTag.LONGSIZE, 5_000_000_000L)
                .strings(1047, RpmHeader.TYPE_STRING_ARRAY, "a", "", "c")
                .bin(RpmTag.SIGMD5, new byte[] {1, 2, (byte) 0xfe})
                .build();
    }

    private static String invalid(byte[] blob) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> RpmHeader.parse(blob));
        assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
        return e.getMessage();
    }

    @Test
    void parse_wellFormed_givesTypedValues() {
        RpmHeader h = RpmHeader.parse(sample());
        assertEquals(Optional.of("bash"), h.string(RpmTag.NAME));
        assertEquals(Optional.of("The GNU shell"), h.i18nString(RpmTag.SUMMARY));
        assertEquals(Optional.of("The GNU shell"), h.string(RpmTag.SUMMARY));
        assertEquals(Optional.of(3), h.int32(RpmTag.EPOCH));
        assertEquals(Optional.of(5_000_000_000L), h.int64(RpmTag.LONGSIZE));
        assertEquals(List.of("a", "", "c"), h.stringArray(1047));
        assertArrayEquals(new byte[] {1, 2, (byte) 0xfe}, h.bin(RpmTag.SIGMD5).orElseThrow());
    }

    @Test
    void accessors_absentTag_areEmpty() {
        RpmHeader h = RpmHeader.parse(sample());
        assertFalse(h.has(RpmTag.VENDOR));
        assertEquals(Optional.empty(), h.string(RpmTag.VENDOR));
        assertEquals(Optional.empty(), h.int32(RpmTag.BUILDTIME));
        assertEquals(List.of(), h.stringArray(1117));
    }

    @Test
    void accessor_wrongType_namesTagAndType() {
        RpmHeader h = RpmHeader.parse(sample());
        SlipwayException e = assertThrows(SlipwayException.class, () -> h.string(RpmTag.EPOCH));
        assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
        assertTrue(e.getMessage().contains("tag 1003 has type 4"), e.getMessage());
    }

    @Test
    void parse_tooShort_isInvalid() {
        assertTrue(invalid(new byte[] {0, 0, 0}).contains("3 bytes"));
        invalid(null);
    }

    @Test
    void parse_zeroOrHugeIndexCount_isInvalid() {
        assertTrue(invalid(new byte[8]).contains("index count 0"));
        byte[] huge = ByteBuffer.allocate(8).putInt(0x7fffffff).putInt(0).array();
        assertTrue(invalid(huge).contains("index count 2147483647"));
    }

    @Test
    void parse_lengthsDisagreeWithBlobSize_isInvalid() {
        byte[] blob = sample();
        byte[] truncated = java.util.Arrays.copyOf(blob, blob.length - 1);
        assertTrue(invalid(truncated).contains("but the blob has " + truncated.length), invalid(truncated));
        ByteBuffer.wrap(blob).putInt(4, 0x7fffffff);
        assertTrue(invalid(blob).contains("exceeds"));
    }

    @Test
    void parse_offsetOutsideData_isInvalid() {
        String message = invalid(new HeaderBlob().raw(RpmTag.NAME, RpmHeader.TYPE_STRING, 100, 1).pad(8).build());
        assertTrue(message.contains("entry for tag 1000 has offset 100 outside the 8-byte data store"), message);
        invalid(new HeaderBlob().raw(RpmTag.NAME, RpmHeader.TYPE_BIN, -4, 1).pad(8).build());
    }

    @Test
    void parse_dataRunningPastTheStore_isInvalid() {
        String message = invalid(new HeaderBlob().raw(RpmTag.SIZE, RpmHeader.TYPE_INT32, 4, 2).pad(8).build());
        assertTrue(message.contains("needs bytes 4..12"), message);
        invalid(new HeaderBlob().raw(RpmTag.SIGMD5, RpmHeader.TYPE_BIN, 0, 9).pad(8).build());
        invalid(new HeaderBlob().raw(RpmTag.SIZE, RpmHeader.TYPE_INT64, 0, 0x20000000).pad(8).build());
    }

    @Test
    void parse_unterminatedString_isInvalid() {
        byte[] blob = new HeaderBlob().raw(RpmTag.NAME, RpmHeader.TYPE_STRING, 0, 1).pad(4).build();
        java.util.Arrays.fill(blob, blob.length - 4, blob.length, (byte) 'x');
        assertTrue(invalid(blob).contains("not NUL-terminated"));
        invalid(new HeaderBlob().strings(1047, RpmHeader.TYPE_STRING_ARRAY, "a").raw(1048,
                RpmHeader.TYPE_STRING_ARRAY, 0, 2).build());
    }

    @Test
    void parse_unknownTypeMisalignedOrBadCount_isInvalid() {
        assertTrue(invalid(new HeaderBlob().raw(RpmTag.NAME, 12, 0, 1).pad(4).build()).contains("unknown type 12"));
        assertTrue(invalid(new HeaderBlob().raw(RpmTag.EPOCH, RpmHeader.TYPE_INT32, 2, 1).pad(8).build())
                .contains("not aligned"));
        invalid(new HeaderBlob().raw(RpmTag.NAME, RpmHeader.TYPE_STRING, 0, 2).pad(4).build());
        invalid(new HeaderBlob().raw(RpmTag.SIGMD5, RpmHeader.TYPE_BIN, 0, 0).pad(4).build());
    }

    @Test
    void parse_randomCorruption_neverFailsWithAnythingButAnInvalidHeader() {
        byte[] good = sample();
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] blob = good.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                blob[random.nextInt(blob.length)] = (byte) random.nextInt(256);
            }
            if (random.nextInt(4) == 0) {
                blob = java.util.Arrays.copyOf(blob, random.nextInt(blob.length + 1));
            }
            try {
                RpmHeader h = RpmHeader.parse(blob);
                for (int tag : new int[] {RpmTag.NAME, RpmTag.SUMMARY, RpmTag.EPOCH, RpmTag.LONGSIZE, 1047}) {
                    readAnyway(h, tag);
                }
            } catch (SlipwayException e) {
                assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
            }
        }
    }

    /** Reads a tag with every accessor; a type mismatch is a proper error, anything else is a bug. */
    private static void readAnyway(RpmHeader h, int tag) {
        List<Runnable> reads = List.of(() -> h.string(tag), () -> h.i18nString(tag), () -> h.stringArray(tag),
                () -> h.int32(tag), () -> h.int64(tag), () -> h.bin(tag));
        for (Runnable read : reads) {
            try {
                read.run();
            } catch (SlipwayException e) {
                assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
            }
        }
    }
}
