package dev.slipway.hub.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.hub.fixture.CgSamples;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Validation and extraction of Koji content-generator metadata. */
class CgMetadataTest {
    private static final String PARENT = "sha256:" + "9".repeat(64);

    private static ObjectNode sample() {
        return CgSamples.metadata("foo", "1.0", "1", "https://x/foo.git#" + "a".repeat(40), PARENT, "1".repeat(64),
                "openssl:3.0.8-1", "bash:5.2-1");
    }

    /** The document as the hub's HTTP layer hands it over: read into the protocol record. */
    private static CgDocument typed(ObjectNode doc) {
        try {
            return Json.mapper().treeToValue(doc, CgDocument.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void parse_workerShapedMetadata_extractsImagesComponentsArchivesParents() {
        CgImport cg = new CgMetadata().parse(typed(sample()));
        assertEquals("foo-1.0-1", cg.nvr());
        assertEquals(1, cg.images().size());
        CgImport.Image i = cg.images().get(0);
        assertEquals("sha256:" + "1".repeat(64), i.digest());
        assertEquals(2, i.components().size());
        assertEquals("openssl", i.components().get(0).name());
        assertEquals("foo", i.labels().get("name"));
        assertEquals(2, cg.archives().size());
        assertTrue(cg.parentDigests().contains(PARENT));
    }

    private static String refused(Consumer<ObjectNode> breakIt) {
        ObjectNode doc = sample();
        breakIt.accept(doc);
        SlipwayException e = assertThrows(SlipwayException.class, () -> new CgMetadata().parse(typed(doc)));
        assertEquals(ErrorCode.CG_METADATA_INVALID, e.code());
        return e.getMessage();
    }

    @Test
    void parse_brokenDocuments_namesThePath() {
        assertTrue(refused(d -> d.put("metadata_version", 1)).contains("metadata.metadata_version"));
        assertTrue(refused(d -> d.with("build").remove("version")).contains("metadata.build.version"));
        assertTrue(refused(d -> d.with("build").put("end_time", 1)).contains("end_time"));
        assertTrue(refused(d -> ((ObjectNode) d.withArray("output").get(0)).put("buildroot_id", 7))
                .contains("buildroot_id"));
        assertTrue(refused(d -> ((ObjectNode) d.withArray("output").get(0)).with("extra").with("docker")
                .put("id", "abc")).contains("docker.id"));
        assertTrue(refused(d -> ((ObjectNode) d.withArray("output").get(0).get("components").get(0))
                .put("sigmd5", "not hex")).contains("sigmd5"));
        assertTrue(refused(d -> ((ObjectNode) d.withArray("output").get(0)).put("filename", "../../etc/passwd"))
                .contains("filename"));
        assertTrue(refused(d -> d.withArray("output").remove(0)).contains("docker-image"));
    }
}
