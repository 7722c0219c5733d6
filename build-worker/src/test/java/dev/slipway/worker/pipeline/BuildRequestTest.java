package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.common.source.SourceSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildRequestTest {
    private static final SourceSpec SOURCE =
            SourceSpec.parse("https://src.example/rpms/app#0123456789abcdef0123456789abcdef01234567");
    private static final List<RegistryConfig> REGISTRY =
            List.of(RegistryConfig.of(URI.create("http://127.0.0.1:5000")));

    private static BuildRequest request(String target, List<RegistryConfig> registries, String release) {
        return new BuildRequest(SOURCE, target, registries, Path.of("/srv/mirror"), false, release, "alice");
    }

    private static SlipwayException refused(ErrorCode code, String target, List<RegistryConfig> registries,
            String release) {
        SlipwayException e = assertThrows(SlipwayException.class, () -> request(target, registries, release));
        assertEquals(code, e.code(), e.getMessage());
        return e;
    }

    @Test
    void valid_keepsEverything() {
        BuildRequest r = request("f40-container-candidate", REGISTRY, "3.fc40");
        assertEquals("f40-container-candidate", r.target());
        assertEquals("3.fc40", r.release());
        assertEquals(REGISTRY, r.registries());
        assertEquals(SOURCE, r.source());
    }

    @Test
    void release_null_meansComputeIt() {
        assertNull(request("t", REGISTRY, null).release());
    }

    @Test
    void target_goodNames_accepted() {
        for (String good : new String[] {"t", "F40", "f40-container-candidate", "a.b_c-d", "9", "a".repeat(64)}) {
            assertEquals(good, request(good, REGISTRY, null).target());
        }
    }

    @Test
    void target_badNames_refusedNamingThem() {
        for (String bad : new String[] {"", "-t", ".t", "_t", "a b", "a/b", "a:b", "a".repeat(65), "t\n", "ü"}) {
            SlipwayException e = refused(ErrorCode.INVALID_TARGET, bad, REGISTRY, null);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
            assertTrue(e.getMessage().contains("1 to 64"), e.getMessage());
        }
        refused(ErrorCode.INVALID_TARGET, null, REGISTRY, null);
    }

    @Test
    void registries_none_refused() {
        SlipwayException e = refused(ErrorCode.CONFIG_INVALID, "t", List.of(), null);
        assertTrue(e.getMessage().contains("--registry"), e.getMessage());
    }

    @Test
    void registries_areCopied() {
        List<RegistryConfig> source = new ArrayList<>(REGISTRY);
        BuildRequest r = request("t", source, null);
        source.clear();
        assertEquals(1, r.registries().size());
        assertThrows(UnsupportedOperationException.class, () -> r.registries().clear());
    }

    @Test
    void release_bad_refusedNamingItAndTheRule() {
        for (String bad : new String[] {"fc40", "1-2", "1..2", "", " 1", "1."}) {
            SlipwayException e = refused(ErrorCode.INVALID_RELEASE, "t", REGISTRY, bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }
}
