package dev.slipway.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.slipway.testing.architecture.sample.a.A;
import dev.slipway.testing.architecture.sample.b.B;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PackageGraphTest {
    private static final JavaClasses SAMPLE = new ClassFileImporter().importClasses(A.class, B.class);

    @Test
    void violations_edgeNotInGraph_isReportedEvenWhenWrittenFullyQualified() {
        PackageGraph graph = PackageGraph.of("testing.architecture.sample")
                .allow("testing.architecture.sample.a")
                .allow("testing.architecture.sample.b");

        assertEquals(Set.of("testing.architecture.sample.a -> testing.architecture.sample.b (A uses "
                + "dev.slipway.testing.architecture.sample.b.B)"), graph.violations(SAMPLE));
    }

    @Test
    void violations_allowedEdge_passes() {
        PackageGraph graph = PackageGraph.of("testing.architecture.sample")
                .allow("testing.architecture.sample.a", "testing.architecture.sample.b")
                .allow("testing.architecture.sample.b");

        assertEquals(Set.of(), graph.violations(SAMPLE));
    }

    @Test
    void violations_packageMissingFromGraph_isReported() {
        PackageGraph graph = PackageGraph.of("testing.architecture.sample")
                .allow("testing.architecture.sample.a", "testing.architecture.sample..");

        assertEquals(Set.of("package testing.architecture.sample.b is not in the graph (add it to ARCHITECTURE.md"
                + " and the test)"), graph.violations(SAMPLE));
    }
}
