package dev.slipway.hub;

import dev.slipway.testing.architecture.ModuleArchitectureTest;
import dev.slipway.testing.architecture.PackageGraph;

/** Keeps ARCHITECTURE.md true for hub-plugin: its package graph, the cross-module rules, no inline qualified names. */
class ArchitectureTest extends ModuleArchitectureTest {
    /** The allowed edges of ARCHITECTURE.md's hub-plugin graph (common is always allowed). */
    static final PackageGraph GRAPH = PackageGraph.of("hub")
            .allow("hub", "hub.admin", "hub.auth", "hub.build", "hub.config", "hub.console", "hub.http", "hub.koji",
                    "hub.metrics", "hub.persistence", "hub.publication", "hub.task")
            .allow("hub.http", "hub.admin", "hub.auth", "hub.build", "hub.config", "hub.console", "hub.koji",
                    "hub.metrics", "hub.naming", "hub.publication", "hub.task", "release.signing")
            .allow("hub.console", "hub.admin", "hub.auth", "hub.build", "hub.config", "hub.publication", "hub.task")
            .allow("hub.koji", "hub.admin", "hub.auth", "hub.build", "hub.task")
            .allow("hub.admin", "hub.auth", "hub.persistence", "hub.naming", "hub.task")
            .allow("hub.publication", "hub.auth", "hub.persistence", "release.promotion")
            .allow("hub.build", "hub.metrics", "hub.persistence", "hub.task")
            .allow("hub.task", "hub.auth", "hub.config", "hub.metrics", "hub.persistence", "hub.naming")
            .allow("hub.auth", "hub.persistence")
            .allow("hub.naming")
            .allow("hub.persistence", "hub.config")
            .allow("hub.metrics")
            .allow("hub.config");

    ArchitectureTest() {
        super(GRAPH);
    }
}
