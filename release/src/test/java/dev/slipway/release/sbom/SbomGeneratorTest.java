package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.image.Digest;
import dev.slipway.common.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SbomGeneratorTest {
    private final ObjectMapper json = new ObjectMapper();
    private final SchemaValidation schemas = new SchemaValidation();

    private static InstalledPackage rpm(String name, String version, String license, String sigmd5) {
        return new InstalledPackage(PackageType.RPM, name, null, version, "1.fc40", "x86_64", 10, sigmd5,
                1_700_000_000L, license, "Fedora Project", name + "-" + version + "-1.fc40.src.rpm", null, null);
    }

    private static PackageManifest manifest(InstalledPackage... packages) {
        return new PackageManifest(PackageType.RPM, "/usr/lib/sysimage/rpm", List.of(packages));
    }

    @Test
    void generate_twiceWithEqualInput_givesIdenticalBytes() {
        PackageManifest packages = manifest(rpm("zlib", "1.3", "Zlib", null), rpm("bash", "5.2", "GPLv3+", null));

        List<Sbom> first = new SbomGenerator(SbomSamples.TOOL, Json.mapper()).generate(SbomSamples.input(packages));
        List<Sbom> second = new SbomGenerator(SbomSamples.TOOL, Json.mapper()).generate(SbomSamples.input(packages));

        assertArrayEquals(first.get(0).bytes(), second.get(0).bytes());
        assertArrayEquals(first.get(1).bytes(), second.get(1).bytes());
    }

    @Test
    void generate_otherImageDigest_changesNamespaceAndSerial() throws IOException {
        SbomGenerator generator = new SbomGenerator(SbomSamples.TOOL, Json.mapper());
        Digest other = Digest.parse("sha256:" + "99".repeat(32));
        List<Sbom> a = generator.generate(SbomSamples.input(manifest()));
        List<Sbom> b = generator.generate(SbomSamples.input(manifest(), other, "registry.example.org/team/nova-conductor"));

        JsonNode spdxB = json.readTree(b.get(0).bytes());
        assertEquals("https://sbom.slipway.invalid/spdx/registry.example.org/team/nova-conductor/sha256-"
                + other.hex(), spdxB.path("documentNamespace").asText());
        assertNotEquals(json.readTree(a.get(1).bytes()).path("serialNumber"),
                json.readTree(b.get(1).bytes()).path("serialNumber"));
    }

    @Test
    void spdx_nonSpdxLicenseTag_becomesLicenseRefWithExtractedTextAndStaysValid() throws IOException {
        Sbom spdx = new SbomGenerator(SbomSamples.TOOL, Json.mapper())
                .spdx(SbomSamples.input(manifest(rpm("bash", "5.2", "GPLv3+ and GFDL", null))));

        JsonNode doc = json.readTree(spdx.bytes());
        JsonNode bash = doc.path("packages").get(2);
        assertEquals("LicenseRef-GPLv3--and-GFDL", bash.path("licenseDeclared").asText());
        assertEquals("GPLv3+ and GFDL", doc.path("hasExtractedLicensingInfos").get(0).path("extractedText").asText());
        assertEquals(List.of(), schemas.spdxErrors(spdx.bytes()));
    }

    @Test
    void cycloneDx_nonSpdxLicenseTag_becomesLicenseName() throws IOException {
        Sbom bom = new SbomGenerator(SbomSamples.TOOL, Json.mapper())
                .cycloneDx(SbomSamples.input(manifest(rpm("bash", "5.2", "GPLv3+", null))));

        JsonNode license = json.readTree(bom.bytes()).path("components").get(0).path("licenses").get(0);
        assertEquals("GPLv3+", license.path("license").path("name").asText());
        assertEquals(List.of(), schemas.cycloneDxErrors(bom.bytes()));
    }

    @Test
    void spdx_sigmd5_isNotRecordedAsAFileChecksum() throws IOException {
        Sbom spdx = new SbomGenerator(SbomSamples.TOOL, Json.mapper())
                .spdx(SbomSamples.input(manifest(rpm("zlib", "1.3", "Zlib", "97130bab198b4edfc36b3010e14b85dd"))));

        JsonNode zlib = json.readTree(spdx.bytes()).path("packages").get(2);
        assertTrue(zlib.path("checksums").isMissingNode());
        assertTrue(zlib.path("comment").asText().contains("rpm:sigmd5=97130bab198b4edfc36b3010e14b85dd"));
    }

    @Test
    void generate_gpgPubkeyEntries_areLeftOut() throws IOException {
        InstalledPackage key = new InstalledPackage(PackageType.RPM, "gpg-pubkey", null, "a15b79cc", "63d04c2c",
                null, 0, null, null, "pubkey", null, null, null, null);
        List<Sbom> sboms = new SbomGenerator(SbomSamples.TOOL, Json.mapper())
                .generate(SbomSamples.input(manifest(key, rpm("zlib", "1.3", "Zlib", null))));

        assertEquals(1, json.readTree(sboms.get(1).bytes()).path("components").size());
        assertFalse(new String(sboms.get(0).bytes()).contains("gpg-pubkey"));
    }

    @Test
    void generate_samePackageListedTwice_getsDistinctIdsAndStaysValid() throws IOException {
        List<Sbom> sboms = new SbomGenerator(SbomSamples.TOOL, Json.mapper())
                .generate(SbomSamples.input(manifest(rpm("zlib", "1.3", "Zlib", null), rpm("zlib", "1.3", "Zlib", null))));

        Set<String> ids = new HashSet<>();
        json.readTree(sboms.get(0).bytes()).path("packages").forEach(p -> ids.add(p.path("SPDXID").asText()));
        List<String> refs = new ArrayList<>();
        json.readTree(sboms.get(1).bytes()).path("components").forEach(c -> refs.add(c.path("bom-ref").asText()));
        assertEquals(4, ids.size());
        assertEquals(2, new HashSet<>(refs).size());
        assertEquals(List.of(), schemas.spdxErrors(sboms.get(0).bytes()));
        assertEquals(List.of(), schemas.cycloneDxErrors(sboms.get(1).bytes()));
    }

    @Test
    void generate_debPackages_getDebPurlsAndValidate() throws IOException {
        InstalledPackage attr = new InstalledPackage(PackageType.DEB, "attr", 1, "2.5.1", "4", "amd64", 3, null,
                null, null, null, null, null, null);
        SbomInput input = SbomSamples.input(new PackageManifest(PackageType.DEB, "/var/lib/dpkg", List.of(attr)));
        List<Sbom> sboms = new SbomGenerator(SbomSamples.TOOL, Json.mapper()).generate(input);

        JsonNode component = json.readTree(sboms.get(1).bytes()).path("components").get(0);
        assertEquals("pkg:deb/fedora/attr@1%3A2.5.1-4?arch=amd64&distro=fedora-40", component.path("purl").asText());
        assertEquals(List.of(), schemas.spdxErrors(sboms.get(0).bytes()));
        assertEquals(List.of(), schemas.cycloneDxErrors(sboms.get(1).bytes()));
    }

    @Test
    void schemaValidation_brokenDocuments_areReported() throws IOException {
        List<Sbom> sboms = new SbomGenerator(SbomSamples.TOOL, Json.mapper()).generate(SbomSamples.input(manifest()));
        var spdx = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(sboms.get(0).bytes());
        spdx.remove("SPDXID");
        var cdx = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(sboms.get(1).bytes());
        cdx.put("serialNumber", "not-a-urn");

        assertFalse(schemas.spdxErrors(json.writeValueAsBytes(spdx)).isEmpty());
        assertFalse(schemas.cycloneDxErrors(json.writeValueAsBytes(cdx)).isEmpty());
    }
}
