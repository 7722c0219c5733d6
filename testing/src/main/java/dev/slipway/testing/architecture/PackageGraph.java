package dev.slipway.testing.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The allowed dependencies between Slipway packages, as ARCHITECTURE.md draws them for one module. Package names
 * are written relative to {@code dev.slipway} ({@code "worker.pipeline"}, {@code "registry"}); a target ending in
 * {@code ".."} also allows its subpackages. A package may always use itself, and packages outside {@code common}
 * may always use {@code common}'s packages.
 */
public final class PackageGraph {
    static final String ROOT = "dev.slipway";

    private final String module;
    private final Map<String, Set<String>> edges = new LinkedHashMap<>();

    private PackageGraph(String module) {
        this.module = module;
    }

    /** A graph for the module whose packages are {@code dev.slipway.<module>} and below. */
    public static PackageGraph of(String module) {
        return new PackageGraph(module);
    }

    /** Declares {@code from} as one of the module's packages, allowed to depend on {@code targets}. */
    public PackageGraph allow(String from, String... targets) {
        if (!from.equals(module) && !from.startsWith(module + ".")) {
            throw new IllegalArgumentException(from + " is not a package of module " + module);
        }
        edges.put(from, Set.of(targets));
        return this;
    }

    String module() {
        return module;
    }

    /**
     * Every dependency of the module's classes on a Slipway package the graph does not allow, and every package of
     * the module the graph does not name, one line each (empty when the code matches the graph).
     */
    Set<String> violations(JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        for (JavaClass origin : classes) {
            String from = relative(origin.getPackageName());
            if (from == null || !(from.equals(module) || from.startsWith(module + "."))) {
                continue;
            }
            Set<String> allowed = edges.get(from);
            if (allowed == null) {
                found.add("package " + from + " is not in the graph (add it to ARCHITECTURE.md and the test)");
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String to = relative(dependency.getTargetClass().getBaseComponentType().getPackageName());
                if (to != null && !to.equals(from) && !allows(from, allowed, to)) {
                    found.add(from + " -> " + to + " (" + origin.getSimpleName() + " uses "
                            + dependency.getTargetClass().getBaseComponentType().getName() + ")");
                }
            }
        }
        return found;
    }

    private static boolean allows(String from, Set<String> allowed, String to) {
        boolean common = to.equals("common") || to.startsWith("common.");
        if (common && !(from.equals("common") || from.startsWith("common."))) {
            return true;
        }
        for (String target : allowed) {
            if (target.equals(to)) {
                return true;
            }
            if (target.endsWith("..")) {
                String base = target.substring(0, target.length() - 2);
                if (to.equals(base) || to.startsWith(base + ".")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The package name relative to {@code dev.slipway}, or null for a package outside Slipway. */
    private static String relative(String packageName) {
        return packageName.startsWith(ROOT + ".") ? packageName.substring(ROOT.length() + 1) : null;
    }
}
