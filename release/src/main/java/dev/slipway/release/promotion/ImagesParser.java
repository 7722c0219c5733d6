package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.image.Digest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads an {@code images.yaml}: a list of {@code name} + {@code dmap} ({@code "sha256:<hex>": [tags]}). Strict:
 * digests must be {@code sha256:} and 64 lower-case hex digits, tags follow the distribution tag grammar, each
 * image and each tag of an image appears once.
 */
final class ImagesParser {
    private static final Set<String> IMAGE = Set.of("name", "dmap");

    private ImagesParser() {
    }

    /** The images of {@code text}; problems go to {@code problems} (the list is then incomplete). */
    static List<ImageEntry> parse(String text, String file, List<ManifestProblem> problems) {
        YamlFile yaml = new YamlFile(file, problems);
        List<ImageEntry> out = new ArrayList<>();
        List<Node> items = yaml.parse(text).flatMap(root -> yaml.sequence(root, "the images file"))
                .orElse(List.of());
        Set<String> names = new HashSet<>();
        for (Node item : items) {
            image(yaml, item).ifPresent(image -> {
                if (names.add(image.name())) {
                    out.add(image);
                } else {
                    yaml.problem(ErrorCode.PROMOTION_NAME_INVALID, YamlFile.line(item),
                            "image '" + image.name() + "' is listed twice");
                }
            });
        }
        return out;
    }

    private static Optional<ImageEntry> image(YamlFile yaml, Node item) {
        Optional<Map<String, Node>> fields = yaml.mapping(item, "an image", IMAGE);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Node nameNode = fields.get().get("name");
        Node dmapNode = fields.get().get("dmap");
        if (nameNode == null || dmapNode == null) {
            yaml.problem(ErrorCode.PROMOTION_MANIFEST_INVALID, YamlFile.line(item),
                    "an image needs both 'name' and 'dmap'");
            return Optional.empty();
        }
        Optional<String> name = yaml.scalar(nameNode, "'name'");
        if (name.isPresent() && !Names.IMAGE.matcher(name.get()).matches()) {
            yaml.problem(ErrorCode.PROMOTION_NAME_INVALID, YamlFile.line(nameNode), "image name '" + name.get()
                    + "' is not a repository path (lower-case letters, digits, '.', '_', '-', '/')");
            name = Optional.empty();
        }
        int before = yamlProblems(yaml);
        Map<Digest, List<String>> dmap = dmap(yaml, dmapNode, name.orElse("?"));
        if (name.isEmpty() || yamlProblems(yaml) != before) {
            return Optional.empty();
        }
        return Optional.of(new ImageEntry(name.get(), dmap, yaml.file() + ":" + YamlFile.line(item)));
    }

    private static Map<Digest, List<String>> dmap(YamlFile yaml, Node node, String image) {
        Map<Digest, List<String>> out = new LinkedHashMap<>();
        Map<String, Node> entries = yaml.mapping(node, "the dmap of '" + image + "'", null).orElse(Map.of());
        if (entries.isEmpty()) {
            yaml.problem(ErrorCode.PROMOTION_MANIFEST_INVALID, YamlFile.line(node),
                    "the dmap of '" + image + "' is empty");
        }
        for (Map.Entry<String, Node> entry : entries.entrySet()) {
            if (!Digest.isSha256(entry.getKey())) {
                yaml.problem(ErrorCode.PROMOTION_DIGEST_INVALID, YamlFile.line(entry.getValue()), "'"
                        + entry.getKey() + "' in '" + image + "' is not sha256: and 64 lower-case hex digits");
                continue;
            }
            List<String> tags = new ArrayList<>();
            for (Node tagNode : yaml.sequence(entry.getValue(), "the tags of " + entry.getKey()).orElse(List.of())) {
                yaml.scalar(tagNode, "a tag").ifPresent(tag -> {
                    if (!Names.TAG.matcher(tag).matches()) {
                        yaml.problem(ErrorCode.PROMOTION_TAG_INVALID, YamlFile.line(tagNode), "tag '" + tag
                                + "' of '" + image + "' is not 1-128 of [A-Za-z0-9_.-] starting with a word character");
                    } else if (tags.contains(tag)) {
                        yaml.problem(ErrorCode.PROMOTION_TAG_INVALID, YamlFile.line(tagNode),
                                "tag '" + tag + "' is listed twice for " + entry.getKey());
                    } else {
                        tags.add(tag);
                    }
                });
            }
            out.put(Digest.parse(entry.getKey()), tags);
        }
        return out;
    }

    private static int yamlProblems(YamlFile yaml) {
        return yaml.problemCount();
    }
}
