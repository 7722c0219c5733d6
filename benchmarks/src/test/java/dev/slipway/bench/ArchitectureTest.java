package dev.slipway.bench;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for benchmarks: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's benchmarks graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("bench")
            .allow("bench", "worker", "worker.config", "worker.contents", "worker.engine", "worker.image",
                    "worker.pipeline", "worker.registry", "worker.source", "testing..");

    ArchitectureTest() {
        super(GRAPH);
    }
}
