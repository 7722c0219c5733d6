package dev.slipway.registry;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for registry-client: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's registry-client graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("registry")
            .allow("registry", "registry.auth", "registry.transport")
            .allow("registry.auth", "registry.transport")
            .allow("registry.transport");

    ArchitectureTest() {
        super(GRAPH);
    }
}
