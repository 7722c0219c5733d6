package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Produces the Dockerfile a build runs, as OSBS's {@code change_from_in_dockerfile}, {@code add_dockerfile} and
 * {@code add_labels_in_dockerfile} do: every FROM of an external parent is pinned to a digest, and the final stage
 * ends with {@code COPY <buildinfo file> /root/buildinfo/<buildinfo file>} and exactly one
 * {@code LABEL "k"="v" ...} line. Every other line stays byte-identical; a FROM continued over several lines
 * becomes one line.
 */
public final class DockerfileRewriter {
    /** Where yum and dnf read repository files. */
    public static final String YUM_REPOS_D = "/etc/yum.repos.d";
    private static final Set<String> DEFERRABLE = Set.of("CMD", "ENTRYPOINT");
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
        return rewrite(dockerfile, pinnedParents, image, labels, null, List.of());
    }

    /**
     * Rewrites {@code dockerfile} as {@link #rewrite(Dockerfile, Map, ImageLabels, Map)} does and, as OSBS's
     * {@code inject_yum_repos} does, makes {@code repoFiles} (paths relative to the build context) visible in
     * {@code /etc/yum.repos.d/} to every RUN: a {@code COPY} right after each FROM that does not start from scratch,
     * and a {@code RUN rm -f} of exactly those files at the end of the final stage (as root, restoring the stage's
     * last USER), so the final image's filesystem keeps none of them.
     *
     * @param repoDir the context directory holding the repo files, or null when there are none
     * @param repoFiles the file names in {@code repoDir}, safe as Dockerfile words
     */
    public static FinalDockerfile rewrite(Dockerfile dockerfile, Map<String, String> pinnedParents, ImageLabels image,
            Map<String, String> labels, String repoDir, List<String> repoFiles) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("the build appends at least one label");
        }
        String buildInfo = image.buildInfoFileName();
        String labelLine = labelInstruction(labels, dockerfile.escape());
        List<String> lines = LineJoiner.physicalLines(dockerfile.text());
        String newline = dockerfile.text().contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        int next = 1;
        boolean repos = !repoFiles.isEmpty();
        for (Stage stage : dockerfile.stages()) {
            if (!stage.externalBase() && !(repos && !stage.scratch())) {
                continue;
            }
            Instruction from = stage.from();
            for (; next < from.line(); next++) {
                out.append(lines.get(next - 1));
            }
            if (stage.externalBase()) {
                String first = lines.get(from.line() - 1);
                String last = lines.get(from.endLine() - 1);
                out.append(indentation(first))
                        .append(pinnedFrom(from, pinFor(stage, pinnedParents)))
                        .append(last.substring(terminatorStart(last)));
            } else {
                for (int i = from.line(); i <= from.endLine(); i++) {
                    out.append(lines.get(i - 1));
                }
            }
            next = from.endLine() + 1;
            if (repos && !stage.scratch()) {
                endLine(out, newline);
                out.append("COPY");
                repoFiles.forEach(f -> out.append(' ').append(repoDir).append('/').append(f));
                out.append(' ').append(YUM_REPOS_D).append('/').append(newline);
            }
        }
        Stage last = dockerfile.finalStage();
        List<Instruction> deferred = repos && !last.scratch() ? List.of() : deferrable(last);
        int engineEnd = -1;
        for (; next <= lines.size(); next++) {
            if (!deferred.isEmpty() && next == deferred.get(0).line()) {
                engineEnd = out.length();
            }
            out.append(lines.get(next - 1));
        }
        endLine(out, newline);
        if (repos && !last.scratch()) {
            String user = null;
            for (Instruction i : last.instructions()) {
                if (i.keyword().equalsIgnoreCase("USER")) {
                    user = i.arguments().text().strip();
                }
            }
            if (user != null) {
                out.append("USER root").append(newline);
            }
            out.append("RUN rm -f");
            repoFiles.forEach(f -> out.append(' ').append(YUM_REPOS_D).append('/').append(f));
            out.append(newline);
            if (user != null) {
                out.append("USER ").append(user).append(newline);
            }
        }
        if (!deferred.isEmpty() && engineEnd < 0) {
            throw new IllegalStateException("the deferred instructions start on no line of the final stage");
        }
        String engineText = engineEnd < 0 ? out.toString() : out.substring(0, engineEnd);
        out.append("COPY ").append(buildInfo).append(' ').append(FinalDockerfile.BUILDINFO_DIR).append(buildInfo)
                .append(newline);
        out.append(labelLine).append(newline);
        boolean cmdBefore = last.instructions().subList(0, last.instructions().size() - deferred.size()).stream()
                .anyMatch(i -> i.keyword().equals("CMD"));
        return new FinalDockerfile(out.toString(), buildInfo, engineText, labelLine, labels, deferred, cmdBefore);
    }

    /**
     * The CMD and ENTRYPOINT instructions (without flags) that end the final stage: they only set the config, and the
     * worker applies them with the buildinfo layer instead of the engine's one commit each.
     */
    private static List<Instruction> deferrable(Stage stage) {
        List<Instruction> all = stage.instructions();
        int first = all.size();
        while (first > 0 && DEFERRABLE.contains(all.get(first - 1).keyword()) && all.get(first - 1).flags().isEmpty()) {
            first--;
        }
        // A stage of nothing else keeps them: the engine's build would be the parent image itself, tagged.
        return first == 0 ? List.of() : all.subList(first, all.size());
    }

    private static void endLine(StringBuilder out, String newline) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append(newline);
        }
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
