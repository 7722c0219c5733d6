package dev.slipway.bench;

import dev.slipway.testing.architecture.ModuleArchitecture;
import dev.slipway.testing.architecture.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps ARCHITECTURE.md true for benchmarks: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's benchmarks graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("bench")
            .allow("bench", "worker", "worker.config", "worker.contents", "worker.engine", "worker.image",
                    "worker.pipeline", "worker.registry", "worker.source", "testing..");

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
