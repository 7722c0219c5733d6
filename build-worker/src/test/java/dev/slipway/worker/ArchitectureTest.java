package dev.slipway.worker;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for build-worker: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's build-worker graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("worker")
            .allow("worker", "worker.pipeline", "worker.source", "worker.dockerfile", "worker.engine",
                    "worker.contents", "worker.image", "worker.registry", "worker.nvr", "worker.mirror",
                    "worker.config", "worker.yum", "release.sbom", "release.signing")
            .allow("worker.cli", "worker", "worker.config", "worker.pipeline", "worker.daemon")
            .allow("worker.daemon", "worker", "worker.config", "worker.pipeline", "worker.nvr")
            .allow("worker.pipeline", "worker.source", "worker.dockerfile", "worker.engine", "worker.contents",
                    "worker.image", "worker.registry", "worker.nvr", "worker.mirror", "worker.config", "worker.yum",
                    "release.policy", "release.provenance", "release.sbom", "release.signing")
            .allow("worker.source")
            .allow("worker.dockerfile")
            .allow("worker.engine", "worker.config")
            .allow("worker.contents")
            .allow("worker.image")
            .allow("worker.registry", "worker.config", "worker.image", "registry", "registry.auth", "release.sbom")
            .allow("worker.nvr", "worker.config", "worker.registry")
            .allow("worker.mirror")
            .allow("worker.yum")
            .allow("worker.config");

    ArchitectureTest() {
        super(GRAPH);
    }
}
