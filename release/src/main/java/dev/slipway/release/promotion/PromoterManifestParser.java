package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a {@code promoter-manifest.yaml}: {@code registries:} with {@code name}, optional {@code service-account}
 * and {@code src: true} on exactly one of them. Strict: unknown keys, bad names and a missing or second source are
 * problems with their line.
 *
 * @see <a href="https://github.com/kubernetes-sigs/promo-tools/blob/main/docs/image-promotion.md">image promoter</a>
 */
final class PromoterManifestParser {
    private static final Set<String> TOP = Set.of("registries");
    private static final Set<String> REGISTRY = Set.of("name", "service-account", "src");

    private PromoterManifestParser() {
    }

    /** The registries of {@code text}; problems go to {@code problems} (the list is then incomplete). */
    static List<RegistryContext> parse(String text, String file, List<ManifestProblem> problems) {
        YamlFile yaml = new YamlFile(file, problems);
        List<RegistryContext> out = new ArrayList<>();
        Optional<Map<String, Node>> top = yaml.parse(text).flatMap(root -> yaml.mapping(root, "the manifest", TOP));
        if (top.isEmpty()) {
            return out;
        }
        Node registries = top.get().get("registries");
        if (registries == null) {
            yaml.problem(ErrorCode.PROMOTION_MANIFEST_INVALID, 1, "'registries' is missing");
            return out;
        }
        List<Node> items = yaml.sequence(registries, "'registries'").orElse(List.of());
        Set<String> names = new HashSet<>();
        List<Integer> sourceLines = new ArrayList<>();
        for (Node item : items) {
            registry(yaml, item, names).ifPresent(r -> {
                out.add(r);
                if (r.src()) {
                    sourceLines.add(YamlFile.line(item));
                }
            });
        }
        if (items.isEmpty() && registries != null) {
            yaml.problem(ErrorCode.PROMOTION_MANIFEST_INVALID, YamlFile.line(registries), "'registries' is empty");
        } else if (sourceLines.isEmpty() && out.size() == items.size()) {
            yaml.problem(ErrorCode.PROMOTION_SOURCE_INVALID, YamlFile.line(registries),
                    "no registry is marked 'src: true' (exactly one must be)");
        } else if (sourceLines.size() > 1) {
            yaml.problem(ErrorCode.PROMOTION_SOURCE_INVALID, sourceLines.get(1),
                    "a second registry is marked 'src: true' (the first is at line " + sourceLines.get(0) + ")");
        }
        if (out.size() == items.size() && sourceLines.size() == 1 && out.size() == 1) {
            yaml.problem(ErrorCode.PROMOTION_MANIFEST_INVALID, YamlFile.line(registries),
                    "no destination registry: every registry but the source is a destination");
        }
        return out;
    }

    private static Optional<RegistryContext> registry(YamlFile yaml, Node item, Set<String> names) {
        Optional<Map<String, Node>> fields = yaml.mapping(item, "a registry", REGISTRY);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Node nameNode = fields.get().get("name");
        if (nameNode == null) {
            yaml.problem(ErrorCode.PROMOTION_NAME_INVALID, YamlFile.line(item), "a registry has no 'name'");
            return Optional.empty();
        }
        Optional<String> name = yaml.scalar(nameNode, "'name'");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (!Names.REGISTRY.matcher(name.get()).matches()) {
            yaml.problem(ErrorCode.PROMOTION_NAME_INVALID, YamlFile.line(nameNode), "registry name '" + name.get()
                    + "' is not host[:port][/path] with a lower-case path");
            return Optional.empty();
        }
        if (!names.add(name.get())) {
            yaml.problem(ErrorCode.PROMOTION_NAME_INVALID, YamlFile.line(nameNode),
                    "registry '" + name.get() + "' is listed twice");
            return Optional.empty();
        }
        Optional<String> account = Optional.ofNullable(fields.get().get("service-account"))
                .flatMap(n -> yaml.scalar(n, "'service-account'"));
        Node srcNode = fields.get().get("src");
        Optional<Boolean> src = srcNode == null ? Optional.of(false) : yaml.bool(srcNode, "'src'");
        return src.map(s -> new RegistryContext(name.get(), account, s));
    }
}
