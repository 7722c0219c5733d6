package dev.slipway.cli;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for cli: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's cli graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("cli")
            .allow("cli", "cli.admin", "cli.build", "cli.hub", "cli.lookaside", "cli.promote", "cli.task")
            .allow("cli.admin", "cli.hub")
            .allow("cli.build", "cli.hub", "cli.task")
            .allow("cli.task", "cli.hub")
            .allow("cli.lookaside", "release.signing")
            .allow("cli.promote", "cli.hub", "registry", "registry.auth", "release.policy", "release.promotion",
                    "release.provenance", "release.publish", "release.signing")
            .allow("cli.hub");

    ArchitectureTest() {
        super(GRAPH);
    }
}
