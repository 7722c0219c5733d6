package dev.slipway.testing;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;
import java.nio.file.Path;

/**
 * Keeps ARCHITECTURE.md true for common. It lives here because common's own tests cannot use the shared rules:
 * testing depends on common, and a test-scoped edge back would be a cycle in the build.
 */
class CommonArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's common graph. */
    static final PackageGraph GRAPH = PackageGraph.of("common")
            .allow("common")
            .allow("common.api", "common.error", "common.image", "common.content", "common.json")
            .allow("common.json", "common.image", "common.error")
            .allow("common.image", "common.error")
            .allow("common.content", "common.error")
            .allow("common.process", "common.error")
            .allow("common.source", "common.error")
            .allow("common.hub", "common.api", "common.error")
            .allow("common.error");

    CommonArchitectureTest() {
        super(GRAPH, Path.of("../common/src/main/java"));
    }
}
