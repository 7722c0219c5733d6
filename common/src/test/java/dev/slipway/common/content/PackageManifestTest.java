package dev.slipway.common.content;

import static dev.slipway.common.content.InstalledPackageTest.rpm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageManifestTest {
    @Test
    void packages_areSortedByNameThenNevra() {
        List<InstalledPackage> unsorted = List.of(
                rpm("zlib", null, "1.3", "1.fc40", "x86_64"),
                rpm("bash", null, "5.2", "1.fc40", "x86_64"),
                rpm("glibc", null, "2.39", "1.fc40", "x86_64"),
                rpm("glibc", null, "2.39", "1.fc40", "i686"));
        PackageManifest manifest = new PackageManifest(PackageType.RPM, "/usr/lib/sysimage/rpm", unsorted);
        assertEquals(List.of("bash-5.2-1.fc40.x86_64", "glibc-2.39-1.fc40.i686", "glibc-2.39-1.fc40.x86_64",
                "zlib-1.3-1.fc40.x86_64"), manifest.packages().stream().map(InstalledPackage::nevra).toList());
        assertTrue(manifest.hasDatabase());
    }

    @Test
    void packages_areACopyTheCallerCannotChange() {
        List<InstalledPackage> source = new ArrayList<>(List.of(rpm("a", null, "1", "1", "noarch")));
        PackageManifest manifest = new PackageManifest(PackageType.RPM, "/var/lib/rpm", source);
        source.add(rpm("b", null, "1", "1", "noarch"));
        assertEquals(1, manifest.packages().size());
        assertThrows(UnsupportedOperationException.class,
                () -> manifest.packages().add(rpm("c", null, "1", "1", "noarch")));
    }

    @Test
    void none_saysThereIsNoDatabase() {
        PackageManifest none = PackageManifest.none();
        assertFalse(none.hasDatabase());
        assertNull(none.database());
        assertTrue(none.packages().isEmpty());
        assertEquals(PackageType.RPM, none.type());
        assertEquals("none", none.source());
    }

    @Test
    void source_unknownFormat_followsTheType() {
        assertEquals("rpmdb", new PackageManifest(PackageType.RPM, "/var/lib/rpm", List.of()).source());
        assertEquals("dpkg-status", new PackageManifest(PackageType.DEB, "/var/lib/dpkg/status", List.of()).source());
        assertEquals("none", new PackageManifest(PackageType.RPM, null, List.of()).source());
    }

    @Test
    void emptyDatabase_isNotTheSameAsNone() {
        PackageManifest empty = new PackageManifest(PackageType.RPM, "/usr/lib/sysimage/rpm", List.of());
        assertTrue(empty.hasDatabase());
        assertFalse(empty.equals(PackageManifest.none()));
    }
}
