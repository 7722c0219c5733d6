package dev.slipway.testing.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class InlineQualifiedNamesTest {
    private static final Path FILE = Path.of("A.java");

    @Test
    void inFile_qualifiedNameInCode_isReportedWithItsLine() {
        String source = "package a;\n\nimport java.util.List;\n\nclass A {\n    java.util.concurrent.Future<String> f;\n"
                + "    Object o = new dev.slipway.worker.config.RegistryConfig(null);\n}\n";

        assertEquals(List.of("A.java:6: java.util.concurrent.Future",
                        "A.java:7: dev.slipway.worker.config.RegistryConfig"),
                InlineQualifiedNames.inFile(FILE, source));
    }

    @Test
    void inFile_commentsStringsImportsAndPackage_areNotCode() {
        String source = "package dev.slipway.a;\nimport dev.slipway.b.B;\n/** See {@link dev.slipway.c.C}. */\n"
                + "class A { // org.example.D\n String s = \"io.vertx.core.Vertx\"; char c = '\"';\n"
                + " String t = \"\"\"\n  com.example.E\n  \"\"\"; B b; }\n";

        assertEquals(List.of(), InlineQualifiedNames.inFile(FILE, source));
    }

    @Test
    void inFile_sameSimpleNameImportedFromElsewhere_allowsTheQualifiedOne() {
        String source = "import java.util.concurrent.Future;\nclass A { io.vertx.core.Future<Void> f; Future<Void> g; }\n";

        assertEquals(List.of(), InlineQualifiedNames.inFile(FILE, source));
    }

    @Test
    void inFile_methodCallsOnLowerCaseNames_areNotClassNames() {
        String source = "class A { void m() { config.registry.url(); org.length(); } }\n";

        assertEquals(List.of(), InlineQualifiedNames.inFile(FILE, source));
    }
}
