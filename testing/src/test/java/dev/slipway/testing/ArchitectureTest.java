package dev.slipway.testing;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for testing: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's testing graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("testing")
            .allow("testing")
            .allow("testing.architecture")
            .allow("testing.demo", "testing.distgit", "testing.sample")
            .allow("testing.sample", "testing.distgit", "testing.image", "testing.rpm")
            .allow("testing.image", "testing.rpm")
            .allow("testing.distgit")
            .allow("testing.metrics")
            .allow("testing.registry")
            .allow("testing.rpm");

    ArchitectureTest() {
        super(GRAPH);
    }
}
