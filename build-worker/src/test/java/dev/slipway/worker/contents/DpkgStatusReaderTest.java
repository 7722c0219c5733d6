package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DpkgStatusReaderTest {
    private static final String STATUS = """
            Package: libc6
            Status: install ok installed
            Priority: optional
            Installed-Size: 12986
            Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>
            Architecture: amd64
            Multi-Arch: same
            Source: glibc
            Version: 2.36-9+deb12u10
            Description: GNU C Library: Shared libraries
             Contains the standard libraries that are used by nearly all programs on
             the system.
             .
             More text.

            Package: removed-thing
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1

            Package: tzdata
            Status: install ok installed
            Architecture: all
            Version: 2024a-0+deb12u1
            Source: tzdata (2024a-0+deb12u1)
            Maintainer: GNU Libc Maintainers <debian-glibc@lists.debian.org>

            Package: adduser
            Status: install ok installed
            Architecture: all
            Version: 1:3.134
            Installed-Size: 849
            """;

    private final DpkgStatusReader reader = new DpkgStatusReader();

    private static String invalid(String text) {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> new DpkgStatusReader().parse(text.lines().toList()));
        assertEquals(ErrorCode.DPKG_STATUS_INVALID, e.code());
        return e.getMessage();
    }

    @Test
    void parse_installedStanzas_becomeDebPackages() {
        List<InstalledPackage> packages = reader.parse(STATUS.lines().toList());
        assertEquals(List.of("libc6", "tzdata", "adduser"), packages.stream().map(InstalledPackage::name).toList());
        assertEquals(new InstalledPackage(PackageType.DEB, "libc6", null, "2.36", "9+deb12u10", "amd64",
                12986L * 1024, null, null, null, "GNU Libc Maintainers <debian-glibc@lists.debian.org>", "glibc",
                null, null), packages.get(0));
    }

    @Test
    void parse_heldPackage_isInstalledButHalfInstalledIsNot() {
        List<InstalledPackage> packages = reader.parse(List.of("Package: held", "Status: hold ok installed",
                "Version: 1", "", "Package: broken", "Status: install reinstreq half-installed", "Version: 2"));
        assertEquals(List.of("held"), packages.stream().map(InstalledPackage::name).toList());
    }

    @Test
    void parse_sourceWithVersion_keepsTheSourceName() {
        assertEquals("tzdata", reader.parse(STATUS.lines().toList()).get(1).sourceRpm());
    }

    @Test
    void parse_epochAndNativeVersion_areSplit() {
        InstalledPackage adduser = reader.parse(STATUS.lines().toList()).get(2);
        assertEquals(1, adduser.epoch());
        assertEquals("3.134", adduser.version());
        assertEquals(null, adduser.release());
        assertEquals("adduser", adduser.sourceRpm(), "no Source field means the source has the binary's name");
        assertEquals("adduser-1:3.134.all", adduser.nevra());
    }

    @Test
    void parse_hyphenatedUpstreamVersion_splitsAtTheLastHyphen() {
        InstalledPackage p = reader.parse(List.of("Package: x", "Status: install ok installed",
                "Version: 1.2-beta-3")).get(0);
        assertEquals("1.2-beta", p.version());
        assertEquals("3", p.release());
    }

    @Test
    void read_file_recordsTheImagePath(@TempDir Path dir) throws Exception {
        Path status = Files.writeString(dir.resolve("status"), STATUS);
        PackageManifest manifest = reader.read(status, "/var/lib/dpkg/status");
        assertEquals(PackageType.DEB, manifest.type());
        assertEquals("/var/lib/dpkg/status", manifest.database());
        assertEquals(3, manifest.packages().size());
    }

    @Test
    void parse_emptyFile_hasNoPackages() {
        assertEquals(List.of(), reader.parse(List.of()));
    }

    @Test
    void parse_malformed_namesTheLine() {
        assertTrue(invalid(" leading continuation\n").contains("line 1"));
        assertTrue(invalid("Package: a\nStatus: install ok installed\nVersion: 1\nnonsense line\n")
                .contains("line 4 'nonsense line' is neither"));
        assertTrue(invalid("Package: a\nPackage: b\nStatus: install ok installed\nVersion: 1\n")
                .contains("field Package appears twice"));
        assertTrue(invalid("Status: install ok installed\nVersion: 1\n").contains("no Package field"));
        assertTrue(invalid("Package: a\nVersion: 1\n").contains("no Status field"));
        assertTrue(invalid("Package: a\nStatus: install ok installed\n").contains("no Version field"));
        assertTrue(invalid("Package: a\nStatus: install ok installed\nVersion: x:1.0\n").contains("epoch"));
        assertTrue(invalid("Package: a\nStatus: install ok installed\nVersion: 1\nInstalled-Size: 12k\n")
                .contains("Installed-Size '12k'"));
    }

    @Test
    void parse_malformedStanzaAfterTheFirst_namesItsStartLine() {
        String message = invalid("Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nVersion: 2\n");
        assertTrue(message.contains("line 5"), message);
    }
}
