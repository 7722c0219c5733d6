package dev.slipway.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One module's architecture checks: its main classes (read from bytecode, so fully-qualified names count like
 * imports) against its {@link PackageGraph} and the {@link CrossModuleRules}, and its main sources against
 * {@link InlineQualifiedNames}.
 */
public final class ModuleArchitecture {
    private final PackageGraph graph;
    private final Path mainSources;
    private final JavaClasses classes;

    /** Reads the main classes of the graph's module from the test classpath; sources from {@code mainSources}. */
    public ModuleArchitecture(PackageGraph graph, Path mainSources) {
        this.graph = graph;
        this.mainSources = mainSources;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(PackageGraph.ROOT + "." + graph.module());
        if (classes.isEmpty()) {
            throw new IllegalStateException("no main classes of dev.slipway." + graph.module() + " on the classpath");
        }
    }

    /** Fails naming every dependency between Slipway packages that the graph does not allow. */
    public void assertPackageGraph() {
        Set<String> violations = graph.violations(classes);
        if (!violations.isEmpty()) {
            throw new AssertionError("Package dependencies not in ARCHITECTURE.md:\n  "
                    + String.join("\n  ", violations));
        }
    }

    /** Fails naming every break of a cross-module rule (libraries behind their ports, common, cycles). */
    public void assertCrossModuleRules() {
        List<String> failures = new ArrayList<>();
        for (ArchRule rule : CrossModuleRules.all()) {
            var result = rule.evaluate(classes);
            if (result.hasViolation()) {
                failures.add(result.getFailureReport().toString());
            }
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(String.join("\n", failures));
        }
    }

    /** Fails naming every class name written fully qualified in the module's main code. */
    public void assertNoInlineQualifiedNames() {
        List<String> found = InlineQualifiedNames.in(mainSources);
        if (!found.isEmpty()) {
            throw new AssertionError("Import these classes instead of writing them fully qualified:\n  "
                    + String.join("\n  ", found));
        }
    }
}
