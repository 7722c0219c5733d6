package dev.slipway.registry;

import dev.slipway.testing.architecture.ModuleArchitecture;
import dev.slipway.testing.architecture.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps ARCHITECTURE.md true for registry-client: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's registry-client graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("registry")
            .allow("registry", "registry.auth", "registry.transport")
            .allow("registry.auth", "registry.transport")
            .allow("registry.transport");

    private final ModuleArchitecture architecture = new ModuleArchitecture(GRAPH, Path.of("src/main/java"));

    @Test
    void packages_dependOnlyOnWhatTheGraphAllows() {
        architecture.assertPackageGraph();
    }

    @Test
    void crossModuleRules_hold() {
        architecture.assertCrossModuleRules();
    }

    @Test
    void mainCode_importsInsteadOfQualifyingNames() {
        architecture.assertNoInlineQualifiedNames();
    }
}
