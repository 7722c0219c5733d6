package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.packageurl.PackageURL;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.image.Digest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageUrlsTest {
    private static InstalledPackage rpm(String name, Integer epoch, String version, String release, String arch) {
        return new InstalledPackage(PackageType.RPM, name, epoch, version, release, arch, 1, null, null, null, null,
                null, null, null);
    }

    @Test
    void forPackage_rpmWithEpoch_matchesTheSpecsCanonicalExample() {
        String purl = PackageUrls.forPackage(rpm("openssl", 1, "3.0.9", "2.fc39", "x86_64"), Distro.of("fedora", "39"));

        assertEquals("pkg:rpm/fedora/openssl@3.0.9-2.fc39?arch=x86_64&distro=fedora-39&epoch=1", purl);
    }

    @Test
    void forPackage_rpmWithoutEpoch_leavesEpochOut() {
        String purl = PackageUrls.forPackage(rpm("curl", null, "7.50.3", "1.fc25", "i386"), Distro.of("Fedora", "25"));

        assertEquals("pkg:rpm/fedora/curl@7.50.3-1.fc25?arch=i386&distro=fedora-25", purl);
    }

    @Test
    void forPackage_rpmWithEpochZero_keepsTheEpochItHas() {
        String purl = PackageUrls.forPackage(rpm("bash", 0, "5.2", "1", "aarch64"), Distro.of("rhel", "9.4"));

        assertEquals("pkg:rpm/redhat/bash@5.2-1?arch=aarch64&distro=rhel-9.4&epoch=0", purl);
    }

    @Test
    void forPackage_nameWithPlus_isPercentEncodedAndParsesBack() throws Exception {
        String purl = PackageUrls.forPackage(rpm("libstdc++", null, "13.2.1", "3.fc39", "x86_64"),
                Distro.of("fedora", "39"));

        PackageURL parsed = new PackageURL(purl);
        assertEquals("libstdc++", parsed.getName());
        assertEquals(purl, parsed.canonicalize());
    }

    @Test
    void forPackage_debWithEpoch_putsEpochInTheVersion() throws Exception {
        InstalledPackage attr = new InstalledPackage(PackageType.DEB, "attr", 1, "2.5.1", "4", "amd64", 1, null,
                null, null, null, null, null, null);

        String purl = PackageUrls.forPackage(attr, Distro.of("debian", "12"));

        assertEquals("pkg:deb/debian/attr@1%3A2.5.1-4?arch=amd64&distro=debian-12", purl);
        assertEquals("1:2.5.1-4", new PackageURL(purl).getVersion());
    }

    @Test
    void forImage_encodesDigestAndRepositoryAndSortsQualifiers() throws Exception {
        Digest digest = Digest.parse("sha256:" + "0f".repeat(32));

        String purl = PackageUrls.forImage("registry.example.org/team/nova-conductor", digest, "amd64", "16.0.0-4");

        assertEquals("pkg:oci/nova-conductor@sha256%3A" + "0f".repeat(32)
                + "?arch=amd64&repository_url=registry.example.org%2Fteam%2Fnova-conductor&tag=16.0.0-4", purl);
        PackageURL parsed = new PackageURL(purl);
        assertEquals(digest.toString(), parsed.getVersion());
        assertEquals(Map.of("arch", "amd64", "repository_url", "registry.example.org/team/nova-conductor",
                "tag", "16.0.0-4"), parsed.getQualifiers());
    }

    @Test
    void everyPurl_roundTripsThroughPackageurlJavaUnchanged() throws Exception {
        Distro fedora = Distro.of("fedora", "40");
        List<String> purls = List.of(
                PackageUrls.forPackage(rpm("glibc", 2, "2.39", "5.fc40", "x86_64"), fedora),
                PackageUrls.forPackage(rpm("python3.12", null, "3.12.2", "2.fc40", "noarch"), fedora),
                PackageUrls.forImage("127.0.0.1:5000/a/b", Digest.parse("sha256:" + "1".repeat(64)), "arm64", null));
        for (String purl : purls) {
            PackageURL parsed = new PackageURL(purl);
            assertEquals(purl, parsed.canonicalize());
            List<String> keys = List.copyOf(parsed.getQualifiers().keySet());
            assertEquals(keys.stream().sorted().toList(), keys, "qualifiers sorted in " + purl);
        }
    }
}
