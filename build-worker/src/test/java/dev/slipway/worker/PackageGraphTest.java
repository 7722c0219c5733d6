package dev.slipway.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Keeps ARCHITECTURE.md true: the worker's packages depend only on what the page allows. */
class PackageGraphTest {
    private static final Path ROOT = Path.of("src/main/java/dev/slipway/worker");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+);");
    private static final Pattern QUALIFIED = Pattern.compile("\\b(dev\\.slipway\\.worker\\.[a-z]+)\\.[A-Z]");
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of("pipeline", "source", "dockerfile", "engine", "contents", "image", "registry",
                    "nvr", "mirror", "config")),
            Map.entry("cli", Set.of("", "config", "pipeline", "daemon")),
            Map.entry("daemon", Set.of("", "config", "pipeline", "nvr")),
            Map.entry("pipeline", Set.of("source", "dockerfile", "engine", "contents", "image", "registry",
                    "nvr", "mirror", "config")),
            Map.entry("source", Set.of()),
            Map.entry("dockerfile", Set.of()),
            Map.entry("engine", Set.of("config")),
            Map.entry("contents", Set.of("engine")),
            Map.entry("image", Set.of()),
            Map.entry("registry", Set.of("config", "image")),
            Map.entry("nvr", Set.of("config", "registry")),
            Map.entry("mirror", Set.of()),
            Map.entry("config", Set.of()));

    @Test
    void everyPackage_dependsOnlyOnWhatArchitectureAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = ROOT.relativize(file.getParent()).toString().replace('/', '.');
                String text = Files.readString(file);
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(file + ": package '" + pkg + "' is not in ARCHITECTURE.md");
                    continue;
                }
                List<String> used = new ArrayList<>();
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
                Matcher q = QUALIFIED.matcher(text);
                while (q.find()) {
                    used.add(q.group(1) + ".X");
                }
                for (String name : used) {
                    if (name.startsWith("com.github.dockerjava") && !pkg.equals("engine")) {
                        violations.add(file + " uses docker-java outside the engine package");
                    }
                    if (name.startsWith("org.eclipse.jgit") && !pkg.equals("source")) {
                        violations.add(file + " uses JGit outside the source package");
                    }
                    if (name.startsWith("dev.slipway.worker.")) {
                        String target = name.substring("dev.slipway.worker.".length());
                        target = Character.isUpperCase(target.charAt(0)) ? "" : target.substring(0, target.indexOf('.'));
                        if (!target.equals(pkg) && !allowed.contains(target)) {
                            violations.add(file + " depends on package '" + target + "'");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }
}
