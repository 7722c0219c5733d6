package dev.slipway.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final String HEX = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";

    record Sample(String imageName, Instant builtAt, Digest manifestDigest, PackageType packageType, String noValue) {
    }

    private final ObjectMapper json = Json.mapper();

    private JsonNode write(Object value) throws Exception {
        return json.readTree(json.writeValueAsString(value));
    }

    @Test
    void mapper_writesSnakeCaseFields() throws Exception {
        JsonNode node = write(new Sample("app", null, null, null, null));
        assertEquals("app", node.get("image_name").asText());
        assertTrue(node.has("built_at") && node.has("manifest_digest") && node.has("package_type"), node.toString());
        assertTrue(!node.has("imageName"), node.toString());
    }

    @Test
    void mapper_writesInstantsAsIso8601Text() throws Exception {
        JsonNode node = write(new Sample("app", Instant.parse("2024-05-01T12:34:56Z"), null, null, null));
        assertEquals("2024-05-01T12:34:56Z", node.get("built_at").textValue());
    }

    @Test
    void mapper_writesDigestAsItsText() throws Exception {
        JsonNode node = write(new Sample("app", null, Digest.parse("sha256:" + HEX), null, null));
        assertEquals("sha256:" + HEX, node.get("manifest_digest").textValue());
    }

    @Test
    void mapper_writesPackageTypeAsItsId() throws Exception {
        assertEquals("rpm", write(new Sample("a", null, null, PackageType.RPM, null)).get("package_type").textValue());
        assertEquals("deb", write(new Sample("a", null, null, PackageType.DEB, null)).get("package_type").textValue());
    }

    @Test
    void mapper_keepsNullFieldsExplicit() throws Exception {
        JsonNode node = write(new Sample("a", null, null, null, null));
        assertTrue(node.has("no_value") && node.get("no_value").isNull(), node.toString());
    }

    @Test
    void mapper_installedPackage_usesSnakeCaseNames() throws Exception {
        InstalledPackage p = new InstalledPackage(PackageType.RPM, "bash", 1, "5.2", "1.fc40", "x86_64", 10, "abc",
                1700000000L, "GPLv3+", "Fedora", "bash-5.2-1.fc40.src.rpm", "0123456789abcdef", null);
        JsonNode node = write(p);
        assertEquals("rpm", node.get("type").textValue());
        assertEquals("bash-5.2-1.fc40.src.rpm", node.get("source_rpm").textValue());
        assertEquals("0123456789abcdef", node.get("signature_key_id").textValue());
        assertEquals(1700000000L, node.get("build_time").longValue());
    }

    @Test
    void mapper_readsWhatItWrote() throws Exception {
        Sample sample = new Sample("app", Instant.parse("2024-05-01T12:34:56.789Z"), Digest.parse("sha256:" + HEX),
                PackageType.DEB, null);
        assertEquals(sample, json.readValue(json.writeValueAsString(sample), Sample.class));
    }

    @Test
    void mapper_badDigestText_refusedWithInvalidDigest() {
        String doc = "{\"image_name\":\"a\",\"manifest_digest\":\"sha256:XYZ\"}";
        Exception e = assertThrows(Exception.class, () -> json.readValue(doc, Sample.class));
        Throwable cause = e;
        while (cause != null && !(cause instanceof SlipwayException)) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof SlipwayException, e.toString());
        assertEquals(ErrorCode.INVALID_DIGEST, ((SlipwayException) cause).code());
        assertTrue(cause.getMessage().contains("sha256:XYZ"), cause.getMessage());
    }

    @Test
    void mapper_eachCallIsIndependent() {
        // Configuration is passed down, never shared through a static instance.
        assertTrue(Json.mapper() != Json.mapper());
    }
}
