package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML file read as a node tree (SnakeYAML's composer), so every value keeps its line for messages and scalars
 * stay strings ({@code 1.10} is a tag, never the number 1.1). Collects {@link ManifestProblem}s instead of stopping
 * at the first; duplicate and unknown keys are problems too.
 */
final class YamlFile {
    private final String file;
    private final List<ManifestProblem> problems;

    YamlFile(String file, List<ManifestProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The document's root node, or empty (with a problem) when the text is not one YAML document. */
    Optional<Node> parse(String text) {
        try {
            Node root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
            if (root == null) {
                problem(ErrorCode.PROMOTION_MANIFEST_INVALID, 0, "the file is empty");
            }
            return Optional.ofNullable(root);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, 0, "not valid YAML: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            // SnakeYAML refuses some tags (e.g. with surrounding spaces) this way rather than as a YAMLException.
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, 0, "not valid YAML: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The mapping's entries by key, reporting non-mappings, non-scalar and duplicate keys and keys not allowed. */
    Optional<Map<String, Node>> mapping(Node node, String what, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line(node), what + " must be a mapping");
            return Optional.empty();
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Optional<String> key = scalar(tuple.getKeyNode(), "a key of " + what);
            if (key.isEmpty()) {
                continue;
            }
            if (out.containsKey(key.get())) {
                problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line(tuple.getKeyNode()),
                        "duplicate key '" + key.get() + "' in " + what);
            } else if (allowed != null && !allowed.contains(key.get())) {
                problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line(tuple.getKeyNode()),
                        "unknown key '" + key.get() + "' in " + what + " (allowed: " + String.join(", ", allowed)
                                + ")");
            } else {
                out.put(key.get(), tuple.getValueNode());
            }
        }
        return Optional.of(out);
    }

    /** The items of a sequence, reporting anything else. */
    Optional<List<Node>> sequence(Node node, String what) {
        if (!(node instanceof SequenceNode seq)) {
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line(node), what + " must be a list");
            return Optional.empty();
        }
        return Optional.of(new ArrayList<>(seq.getValue()));
    }

    /** The text of a scalar, reporting anything else and empty values. */
    Optional<String> scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isEmpty()) {
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line(node), what + " must be a non-empty string");
            return Optional.empty();
        }
        return Optional.of(scalar.getValue());
    }

    /** A YAML boolean ({@code true}/{@code false}), reporting anything else. */
    Optional<Boolean> bool(Node node, String what) {
        Optional<String> text = scalar(node, what);
        if (text.isPresent() && !Set.of("true", "false").contains(text.get())) {
            problem(ErrorCode.PROMOTION_MANIFEST_INVALID, line(node), what + " must be true or false, not '"
                    + text.get() + "'");
            return Optional.empty();
        }
        return text.map(Boolean::parseBoolean);
    }

    void problem(ErrorCode code, int line, String message) {
        problems.add(new ManifestProblem(code, file, line, message));
    }

    int problemCount() {
        return problems.size();
    }

    String file() {
        return file;
    }

    static int line(Node node) {
        return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
