package dev.slipway.release;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for release: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
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

    ArchitectureTest() {
        super(GRAPH);
    }
}
