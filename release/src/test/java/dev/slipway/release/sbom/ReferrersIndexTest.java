package dev.slipway.release.sbom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferrersIndexTest {
    private final ObjectMapper json = new ObjectMapper();
    private final Digest subject = Digest.parse("sha256:" + "a".repeat(64));

    private Referrer referrer(String hexChar, String type) {
        return new Referrer(Digest.parse("sha256:" + hexChar.repeat(64)), 500, MediaTypes.OCI_MANIFEST, type,
                Map.of("org.opencontainers.image.created", "2026-11-23T10:15:30Z"));
    }

    @Test
    void fallbackTag_isAlgorithmDashHex() {
        assertEquals("sha256-" + "a".repeat(64), ReferrersIndex.fallbackTag(subject));
    }

    @Test
    void add_sameDigestTwice_isListedOnce() {
        ReferrersIndex index = ReferrersIndex.empty(json);

        assertTrue(index.add(referrer("b", "application/spdx+json")));
        assertFalse(index.add(referrer("b", "application/spdx+json")));
        assertTrue(index.add(referrer("c", "application/vnd.cyclonedx+json")));

        assertEquals(2, index.referrers().size());
        assertEquals("application/vnd.cyclonedx+json", index.referrers().get(1).artifactType());
    }

    @Test
    void parse_keepsForeignEntriesAndTheirUnknownFields() throws Exception {
        String text = "{\"schemaVersion\":2,\"mediaType\":\"" + MediaTypes.OCI_INDEX + "\",\"manifests\":[{"
                + "\"mediaType\":\"" + MediaTypes.OCI_MANIFEST + "\",\"digest\":\"sha256:" + "d".repeat(64)
                + "\",\"size\":9,\"x-vendor\":\"kept\"}]}";
        ReferrersIndex index = ReferrersIndex.parse(json, text.getBytes(StandardCharsets.UTF_8),
                MediaTypes.OCI_INDEX, "test");

        index.add(referrer("b", "application/spdx+json"));

        JsonNode written = json.readTree(index.bytes());
        assertEquals("kept", written.path("manifests").get(0).path("x-vendor").asText());
        assertEquals(2, written.path("manifests").size());
    }

    @Test
    void parse_aManifestUnderTheTag_isRefusedNotOverwritten() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> ReferrersIndex.parse(json,
                "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8), MediaTypes.OCI_MANIFEST,
                "r/x:sha256-aaa"));

        assertEquals(ErrorCode.REFERRERS_INDEX_INVALID, e.code());
        assertTrue(e.getMessage().contains("r/x:sha256-aaa"), e.getMessage());
    }

    @Test
    void artifactManifest_usesTheEmptyDescriptorAndNamesTheSubject() throws Exception {
        ManifestInfo image = new ManifestInfo(subject, MediaTypes.OCI_MANIFEST, 400);
        byte[] content = "{\"spdxVersion\":\"SPDX-2.3\"}".getBytes(StandardCharsets.UTF_8);

        JsonNode m = json.readTree(ArtifactManifest.build(json, "application/spdx+json", content, "sbom.spdx.json",
                image, Map.of()));

        assertEquals("application/spdx+json", m.path("artifactType").asText());
        assertEquals("sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a",
                m.path("config").path("digest").asText());
        assertEquals(2, m.path("config").path("size").asInt());
        assertEquals(Digest.sha256(content).toString(), m.path("layers").get(0).path("digest").asText());
        assertEquals(subject.toString(), m.path("subject").path("digest").asText());
        assertEquals(400, m.path("subject").path("size").asInt());
    }
}
