package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SBOMs made from what the real {@code rpm} reads out of the fixture packages validate against the official schemas. */
class SbomSchemaIT {
    private static PackageManifest packages;
    private final ObjectMapper json = new ObjectMapper();
    private final SbomGenerator generator = new SbomGenerator(SbomSamples.TOOL, Json.mapper());
    private final SchemaValidation schemas = new SchemaValidation();

    @BeforeAll
    static void readFixtures() {
        packages = FixtureRpmPackages.standard();
    }

    @Test
    void spdx_fromFixtureRpms_validatesAgainstSpdx23Schema() throws IOException {
        Sbom spdx = generator.spdx(SbomSamples.input(packages));

        assertEquals(List.of(), schemas.spdxErrors(spdx.bytes()));
        JsonNode doc = json.readTree(spdx.bytes());
        assertEquals("SPDX-2.3", doc.path("spdxVersion").asText());
        assertEquals(packages.packages().size() + 2, doc.path("packages").size(), "image, parent and every RPM");
    }

    @Test
    void cycloneDx_fromFixtureRpms_validatesAgainstCycloneDx15Schema() throws IOException {
        Sbom bom = generator.cycloneDx(SbomSamples.input(packages));

        assertEquals(List.of(), schemas.cycloneDxErrors(bom.bytes()));
        JsonNode doc = json.readTree(bom.bytes());
        assertEquals("1.5", doc.path("specVersion").asText());
        assertEquals(packages.packages().size(), doc.path("components").size());
    }

    @Test
    void bothFormats_fromFixtureRpms_carryTheCanonicalPurlsOfWhatRpmReported() throws IOException {
        List<Sbom> sboms = generator.generate(SbomSamples.input(packages));
        Map<String, String> expected = new TreeMap<>(Map.of(
                "slipway-alpha", "pkg:rpm/fedora/slipway-alpha@1.0-1?arch=noarch&distro=fedora-40",
                "slipway-bravo", "pkg:rpm/fedora/slipway-bravo@3.1-4.fx?arch=noarch&distro=fedora-40&epoch=2",
                "slipway-charlie", "pkg:rpm/fedora/slipway-charlie@0.9.2-1.fx?arch=noarch&distro=fedora-40&epoch=0",
                "slipway-delta", "pkg:rpm/fedora/slipway-delta@2.5-7?arch=noarch&distro=fedora-40"));

        Map<String, String> spdx = new TreeMap<>();
        for (JsonNode p : json.readTree(sboms.get(0).bytes()).path("packages")) {
            if (p.path("SPDXID").asText().startsWith("SPDXRef-Package-")) {
                spdx.put(p.path("name").asText(), p.path("externalRefs").get(0).path("referenceLocator").asText());
            }
        }
        Map<String, String> cdx = new TreeMap<>();
        for (JsonNode c : json.readTree(sboms.get(1).bytes()).path("components")) {
            cdx.put(c.path("name").asText(), c.path("purl").asText());
        }
        assertEquals(expected, spdx);
        assertEquals(expected, cdx);
    }

    @Test
    void cycloneDx_signedFixtureRpm_recordsSigmd5AndKeyIdAsPropertiesNotHashes() throws IOException {
        JsonNode doc = json.readTree(generator.cycloneDx(SbomSamples.input(packages)).bytes());
        JsonNode bravo = null;
        for (JsonNode c : doc.path("components")) {
            if (c.path("name").asText().equals("slipway-bravo")) {
                bravo = c;
            }
        }
        Map<String, String> props = new TreeMap<>();
        List<String> names = new ArrayList<>();
        bravo.path("properties").forEach(p -> {
            props.put(p.path("name").asText(), p.path("value").asText());
            names.add(p.path("name").asText());
        });
        String sigmd5 = packages.packages().stream().filter(p -> p.name().equals("slipway-bravo")).findFirst()
                .orElseThrow().sigmd5();
        assertEquals(sigmd5, props.get("rpm:sigmd5"));
        assertEquals(32, sigmd5.length());
        assertTrue(props.get("rpm:signature-key-id").matches("[0-9a-f]{16}"), props.toString());
        assertTrue(bravo.path("hashes").isMissingNode(), "sigmd5 is not a file checksum");
        assertEquals("GPL-2.0-or-later", bravo.path("licenses").get(0).path("expression").asText());
    }
}
