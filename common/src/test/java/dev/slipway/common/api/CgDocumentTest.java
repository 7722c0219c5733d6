package dev.slipway.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CgDocumentTest {
    private final ObjectMapper json = Json.mapper();

    @Test
    void write_usesKojiKeysAndLeavesAbsentFieldsOut() throws Exception {
        CgDocument.Output log = new CgDocument.Output(1, "build.log", null, null, null, "noarch", "log", null, null,
                null);
        CgDocument doc = new CgDocument(0, new CgDocument.Build("foo", "1.0", "1", "https://x/foo.git#" + "a".repeat(40),
                1L, 2L, "alice", null), List.of(), List.of(log));
        JsonNode tree = json.valueToTree(doc);
        assertEquals(0, tree.get("metadata_version").asInt());
        assertEquals(1, tree.get("build").get("start_time").asLong());
        assertEquals(1, tree.get("output").get(0).get("buildroot_id").asInt());
        assertFalse(tree.get("output").get(0).has("checksum"));
        assertEquals(doc, json.treeToValue(tree, CgDocument.class));
    }

    @Test
    void read_keepsNullEntriesAndDigestOrder_soTheHubCanNameThem() throws Exception {
        CgDocument.Docker d = json.readValue("""
                {"id": null, "repositories": ["a", null], "digests": {"z": "sha256:1", "a": null}}""",
                CgDocument.Docker.class);
        assertNull(d.id());
        assertEquals(2, d.repositories().size());
        assertEquals(List.of("z", "a"), List.copyOf(d.digests().keySet()));
        assertEquals(Map.entry("z", "sha256:1"), d.digests().entrySet().iterator().next());
    }
}
