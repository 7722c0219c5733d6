package dev.slipway.hooks;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for dist-git-hooks: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's dist-git-hooks graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("hooks")
            .allow("hooks");

    ArchitectureTest() {
        super(GRAPH);
    }
}
