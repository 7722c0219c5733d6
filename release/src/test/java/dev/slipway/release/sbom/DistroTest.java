package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;

class DistroTest {
    @Test
    void fromOsRelease_fedora_givesNamespaceAndIdVersion() {
        Distro distro = Distro.fromOsRelease("NAME=\"Fedora Linux\"\nVERSION=\"40 (Container Image)\"\nID=fedora\n"
                + "VERSION_ID=40\nPRETTY_NAME=\"Fedora Linux 40 (Container Image)\"\n");

        assertEquals(new Distro("fedora", "fedora-40"), distro);
    }

    @Test
    void fromOsRelease_rhelQuoted_mapsToRedhatNamespace() {
        Distro distro = Distro.fromOsRelease("# comment\nID=\"rhel\"\nVERSION_ID='9.4'\n");

        assertEquals(new Distro("redhat", "rhel-9.4"), distro);
    }

    @Test
    void fromOsRelease_openSuseLeap_mapsToOpensuse() {
        assertEquals("opensuse", Distro.fromOsRelease("ID=\"opensuse-leap\"\nVERSION_ID=\"15.5\"").namespace());
    }

    @Test
    void fromOsRelease_withoutId_failsWithSbomInputCode() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> Distro.fromOsRelease("NAME=x\n"));

        assertEquals(ErrorCode.SBOM_INPUT_INVALID, e.code());
    }
}
