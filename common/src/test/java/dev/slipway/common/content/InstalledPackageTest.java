package dev.slipway.common.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InstalledPackageTest {
    static InstalledPackage rpm(String name, Integer epoch, String version, String release, String arch) {
        return new InstalledPackage(PackageType.RPM, name, epoch, version, release, arch, 0, null, null, null, null,
                null, null, null);
    }

    @Test
    void nevra_withoutEpoch_omitsIt() {
        assertEquals("bash-5.2.26-3.fc40.x86_64", rpm("bash", null, "5.2.26", "3.fc40", "x86_64").nevra());
    }

    @Test
    void nevra_withEpoch_showsEpochColon() {
        assertEquals("perl-libs-4:5.38.2-506.fc40.x86_64",
                rpm("perl-libs", 4, "5.38.2", "506.fc40", "x86_64").nevra());
    }

    @Test
    void nevra_epochZero_isShownLikeRpmDoes() {
        // rpm prints the EPOCH tag whenever the header has one, even when it is 0.
        assertEquals("tzdata-0:2024a-5.fc40.noarch", rpm("tzdata", 0, "2024a", "5.fc40", "noarch").nevra());
    }

    @Test
    void nevra_debWithoutRelease_isNameVersionArch() {
        InstalledPackage deb = new InstalledPackage(PackageType.DEB, "libc6", null, "2.36-9+deb12u4", null, "amd64",
                0, null, null, null, null, null, null, null);
        assertEquals("libc6-2.36-9+deb12u4.amd64", deb.nevra());
    }

    @Test
    void constructor_requiresTypeNameAndVersion() {
        assertThrows(NullPointerException.class, () -> rpm(null, null, "1", "1", "noarch"));
        assertThrows(NullPointerException.class, () -> rpm("a", null, null, "1", "noarch"));
        assertThrows(NullPointerException.class, () -> new InstalledPackage(null, "a", null, "1", "1", "noarch", 0,
                null, null, null, null, null, null, null));
    }
}
