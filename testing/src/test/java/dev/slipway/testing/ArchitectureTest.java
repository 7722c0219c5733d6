package dev.slipway.testing;

import dev.slipway.testing.architecture.ModuleArchitecture;
import dev.slipway.testing.architecture.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps ARCHITECTURE.md true for testing: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's testing graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("testing")
            .allow("testing")
            .allow("testing.architecture")
            .allow("testing.demo", "testing.distgit", "testing.sample")
            .allow("testing.sample", "testing.distgit", "testing.image", "testing.rpm")
            .allow("testing.image", "testing.rpm")
            .allow("testing.distgit")
            .allow("testing.registry")
            .allow("testing.rpm");

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
