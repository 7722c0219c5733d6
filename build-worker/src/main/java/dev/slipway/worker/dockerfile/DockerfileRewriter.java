package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Produces the Dockerfile a build runs, as OSBS's {@code change_from_in_dockerfile}, {@code add_dockerfile} and
 * {@code add_labels_in_dockerfile} do: every FROM of an external parent is pinned to a digest, and the final stage
 * ends with {@code COPY <buildinfo file> /root/buildinfo/<buildinfo file>} and exactly one
 * {@code LABEL "k"="v" ...} line. Every other line stays byte-identical; a FROM continued over several lines
 * becomes one line.
 */
public final class DockerfileRewriter {
    private DockerfileRewriter() {
    }

    /**
     * Rewrites {@code dockerfile}.
     *
     * @param pinnedParents each parent as {@link Dockerfile#parents()} names it, to its {@code repo@sha256:...}
     * @param image the validated identity with its release chosen (it names the buildinfo file)
     * @param labels the labels to append, at least one; written with sorted keys for a stable output
     * @throws DockerfileException {@link ErrorCode#DOCKERFILE_PARENT_NOT_PINNED} when a parent has no digest pin,
     *     {@link ErrorCode#LABEL_INVALID} when a label cannot be written on one line
     */
    public static FinalDockerfile rewrite(Dockerfile dockerfile, Map<String, String> pinnedParents, ImageLabels image,
            Map<String, String> labels) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("the build appends at least one label");
        }
        String buildInfo = image.buildInfoFileName();
        String labelLine = labelInstruction(labels, dockerfile.escape());
        List<String> lines = LineJoiner.physicalLines(dockerfile.text());
        String newline = dockerfile.text().contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (Stage stage : dockerfile.stages()) {
            if (!stage.externalBase()) {
                continue;
            }
            Instruction from = stage.from();
            for (; next < from.line(); next++) {
                out.append(lines.get(next - 1));
            }
            String first = lines.get(from.line() - 1);
            String last = lines.get(from.endLine() - 1);
            out.append(indentation(first))
                    .append(pinnedFrom(from, pinFor(stage, pinnedParents)))
                    .append(last.substring(terminatorStart(last)));
            next = from.endLine() + 1;
        }
        for (; next <= lines.size(); next++) {
            out.append(lines.get(next - 1));
        }
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append(newline);
        }
        out.append("COPY ").append(buildInfo).append(" /root/buildinfo/").append(buildInfo).append(newline);
        out.append(labelLine).append(newline);
        return new FinalDockerfile(out.toString(), buildInfo);
    }

    private static String pinFor(Stage stage, Map<String, String> pinnedParents) {
        String pin = pinnedParents.get(stage.baseImage());
        int line = stage.from().line();
        if (pin == null) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_PARENT_NOT_PINNED, line, "parent image '"
                    + stage.baseImage() + "' has no pinned digest; every parent is pinned before the build");
        }
        try {
            if (ImageReference.parse(pin).digest() == null) {
                throw new DockerfileException(ErrorCode.DOCKERFILE_PARENT_NOT_PINNED, line, "parent image '"
                        + stage.baseImage() + "' is pinned to '" + pin + "', which has no @sha256: digest");
            }
        } catch (InvalidValueException e) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_PARENT_NOT_PINNED, line, "parent image '"
                    + stage.baseImage() + "' is pinned to '" + pin + "', which is not an image reference: "
                    + e.getMessage());
        }
        return pin;
    }

    /** {@code FROM [--platform=...] <pin> [AS name]}, keeping the flags and the stage name as written. */
    private static String pinnedFrom(Instruction from, String pin) {
        List<String> parts = new ArrayList<>();
        parts.add("FROM");
        from.flags().forEach(flag -> parts.add(flag.toString()));
        parts.add(pin);
        String[] words = from.arguments().text().strip().split(InstructionParser.WHITESPACE);
        if (words.length == 3) {
            parts.add(words[1]);
            parts.add(words[2]);
        }
        return String.join(" ", parts);
    }

    /** The byte-order mark and whitespace before the FROM keyword, kept as they were. */
    private static String indentation(String line) {
        int start = line.startsWith("\uFEFF") ? 1 : 0;
        String rest = line.substring(start);
        return line.substring(0, start + rest.length() - rest.stripLeading().length());
    }

    private static int terminatorStart(String line) {
        if (line.endsWith("\r\n")) {
            return line.length() - 2;
        }
        return line.endsWith("\n") ? line.length() - 1 : line.length();
    }

    /** One LABEL line; keys and values double-quoted with '"', '$' and the escape character escaped. */
    static String labelInstruction(Map<String, String> labels, char escape) {
        StringBuilder line = new StringBuilder("LABEL");
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            String key = label.getKey();
            if (key.isEmpty() || key.contains("=")) {
                throw new DockerfileException(ErrorCode.LABEL_INVALID, 0, "label name '" + key + "' cannot be"
                        + " written in a LABEL instruction (empty, or containing '=')");
            }
            line.append(' ').append(quote(key, key, escape)).append('=').append(quote(label.getValue(), key, escape));
        }
        return line.toString();
    }

    private static String quote(String text, String key, char escape) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new DockerfileException(ErrorCode.LABEL_INVALID, 0, "label '" + key + "' contains a line break,"
                    + " which a one-line LABEL instruction cannot hold");
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '$' || c == escape) {
                quoted.append(escape);
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
