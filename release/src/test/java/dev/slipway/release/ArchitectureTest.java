package dev.slipway.release;

import dev.slipway.testing.architecture.ModuleArchitecture;
import dev.slipway.testing.architecture.PackageGraph;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Keeps ARCHITECTURE.md true for release: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's release graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("release")
            .allow("release")
            .allow("release.signing", "registry")
            .allow("release.sbom", "registry")
            .allow("release.policy")
            .allow("release.promotion", "registry")
            .allow("release.provenance", "release.signing")
            .allow("release.publish", "registry", "release.policy", "release.promotion", "release.provenance",
                    "release.sbom", "release.signing");

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
