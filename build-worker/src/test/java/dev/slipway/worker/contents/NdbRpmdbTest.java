package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ndb reader against a real SUSE BCI 15.3 database (resources rpmdb/sle15-bci, see its README). */
class NdbRpmdbTest {
    static final String RESOURCE = "rpmdb/sle15-bci/";

    @TempDir
    Path temp;

    static Path resource(Path temp, String name) throws Exception {
        Path out = temp.resolve(name);
        try (var in = NdbRpmdbTest.class.getResourceAsStream(RESOURCE + name)) {
            Files.copy(Objects.requireNonNull(in, name), out);
        }
        return out;
    }

    /** expected.tsv without its header line: name, epoch, version, release, arch, sourcerpm, size, ... sigmd5. */
    static List<String> expectedRows(Path temp) throws Exception {
        List<String> lines = Files.readAllLines(resource(temp, "expected.tsv"), StandardCharsets.UTF_8);
        return lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toList();
    }

    private static String row(RpmHeader h) {
        return String.join("\t", h.string(RpmTag.NAME).orElseThrow(),
                h.int32(RpmTag.EPOCH).map(String::valueOf).orElse(""), h.string(RpmTag.VERSION).orElseThrow(),
                h.string(RpmTag.RELEASE).orElseThrow(), h.string(RpmTag.ARCH).orElseThrow(),
                h.string(RpmTag.SOURCERPM).orElse(""), String.valueOf(h.int32(RpmTag.SIZE).orElseThrow()),
                h.string(RpmTag.LICENSE).orElse(""), h.string(RpmTag.VENDOR).orElse(""),
                h.i18nString(RpmTag.SUMMARY).orElse(""),
                h.bin(RpmTag.SIGMD5).map(HexFormat.of()::formatHex).orElse(""));
    }

    /** A manifest record in expected.tsv's columns, summary left out (the manifest does not carry it). */
    static String rowWithoutSummary(InstalledPackage p) {
        return String.join("\t", p.name(), p.epoch() == null ? "" : p.epoch().toString(), p.version(), p.release(),
                p.arch(), Objects.toString(p.sourceRpm(), ""), String.valueOf(p.size()),
                Objects.toString(p.license(), ""), Objects.toString(p.vendor(), ""), "",
                Objects.toString(p.sigmd5(), ""));
    }

    static List<String> withoutSummary(List<String> rows) {
        return rows.stream().map(r -> {
            String[] f = r.split("\t", -1);
            f[9] = "";
            return String.join("\t", f);
        }).sorted().toList();
    }

    @Test
    void readBlobs_sle15BciDatabase_equalsExpectedListExactly() throws Exception {
        List<byte[]> blobs = NdbRpmdb.readBlobs(resource(temp, "Packages.db"));

        List<String> rows = new ArrayList<>();
        for (byte[] blob : blobs) {
            rows.add(row(RpmHeader.parse(blob)));
        }
        assertEquals(expectedRows(temp).stream().sorted().toList(), rows.stream().sorted().toList());
        assertEquals(35, rows.size());
    }

    @Test
    void read_sle15BciDirectory_givesTheExpectedManifest() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("rpm"));
        Files.move(resource(temp, "Packages.db"), dir.resolve("Packages.db"));

        PackageManifest manifest = new RpmDatabaseReader().read(dir, "/usr/lib/sysimage/rpm");

        assertEquals("rpmdb-ndb", manifest.source());
        assertEquals(withoutSummary(expectedRows(temp)),
                manifest.packages().stream().map(NdbRpmdbTest::rowWithoutSummary).sorted().toList());
    }

    private SlipwayException damaged(byte[] bytes) throws Exception {
        Path file = temp.resolve("damaged-" + System.nanoTime());
        Files.write(file, bytes);
        return assertThrows(SlipwayException.class, () -> NdbRpmdb.readBlobs(file));
    }

    @Test
    void readBlobs_truncatedFile_failsAsUnreadable() throws Exception {
        byte[] real = Files.readAllBytes(resource(temp, "Packages.db"));
        for (int length : new int[] {0, 20, 4096, 5000, real.length / 2, real.length - 1}) {
            SlipwayException e = damaged(Arrays.copyOf(real, length));
            assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code(), "length " + length + ": " + e.getMessage());
        }
    }

    @Test
    void readBlobs_garbageInABlob_failsTheChecksum() throws Exception {
        byte[] real = Files.readAllBytes(resource(temp, "Packages.db"));
        byte[] bad = real.clone();
        bad[bad.length / 2] ^= 0x5a;
        SlipwayException e = damaged(bad);
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("tail check") || e.getMessage().contains("head"), e.getMessage());
    }

    @Test
    void readBlobs_slotPointingOutOfTheFile_isRefused() throws Exception {
        byte[] bad = Files.readAllBytes(resource(temp, "Packages.db"));
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(2 * 16 + 8, 0x7fffffff);
        SlipwayException e = damaged(bad);
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("outside the blob area"), e.getMessage());
    }

    @Test
    void readBlobs_hugeSlotPageCount_isRefusedWithoutAllocating() throws Exception {
        byte[] bad = Files.readAllBytes(resource(temp, "Packages.db"));
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(12, -1);
        SlipwayException e = damaged(bad);
        assertEquals(ErrorCode.CONTENTS_UNREADABLE, e.code());
        assertTrue(e.getMessage().contains("slot pages"), e.getMessage());
    }

    @Test
    void read_headerWithOutOfBoundsIndex_failsAsInvalidHeader() throws Exception {
        // A well-framed blob (valid checksum) whose header index points past its data store.
        byte[] header = new HeaderBlob().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1").build();
        ByteBuffer.wrap(header).putInt(8 + 8, 4000);
        Path dir = Files.createDirectories(temp.resolve("oob"));
        Files.write(dir.resolve("Packages.db"), NdbFixture.database(List.of(header)));
        SlipwayException e = assertThrows(SlipwayException.class, () -> new RpmDatabaseReader().read(dir, "/x"));
        assertEquals(ErrorCode.RPM_HEADER_INVALID, e.code());
    }

    @Test
    void read_builtDatabase_roundTrips() throws Exception {
        byte[] header = new HeaderBlob().string(RpmTag.NAME, "x").string(RpmTag.VERSION, "1").build();
        Path dir = Files.createDirectories(temp.resolve("ok"));
        Files.write(dir.resolve("Packages.db"), NdbFixture.database(List.of(header, header)));
        assertEquals(List.of("x-1", "x-1"), new RpmDatabaseReader().read(dir, "/x").packages().stream()
                .map(p -> p.name() + "-" + p.version()).toList());
    }
}
