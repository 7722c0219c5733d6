package dev.slipway.testing.architecture;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The architecture checks every module runs: extend it with the module's {@link PackageGraph} (the edges
 * ARCHITECTURE.md allows) and, where the sources are not the module's own {@code src/main/java}, their folder.
 */
public abstract class ModuleArchitectureTest {
    private final ModuleArchitecture architecture;

    protected ModuleArchitectureTest(PackageGraph graph) {
        this(graph, Path.of("src/main/java"));
    }

    protected ModuleArchitectureTest(PackageGraph graph, Path mainSources) {
        this.architecture = new ModuleArchitecture(graph, mainSources);
    }

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
