package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A parsed Dockerfile that the Docker Engine 20.10 legacy builder can build: its instructions, global ARGs and
 * build stages. {@link #parse(String)} refuses anything else with a {@link DockerfileException} naming the line.
 *
 * @param text the Dockerfile exactly as given
 * @param directives the parser directives at its top
 * @param instructions every instruction in order
 * @param globalArgs the ARGs declared before the first FROM with their values ("" when declared without one)
 * @param stages the build stages in order; the last one is the image the build produces
 */
public record Dockerfile(String text, Directives directives, List<Instruction> instructions,
        Map<String, String> globalArgs, List<Stage> stages) {
    private static final Pattern INDEX = Pattern.compile("[0-9]{1,9}");

    public Dockerfile {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(directives, "directives");
        instructions = List.copyOf(instructions);
        globalArgs = Collections.unmodifiableMap(new LinkedHashMap<>(globalArgs));
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("a Dockerfile has at least one stage");
        }
    }

    /** Parses and checks a Dockerfile built without build arguments. */
    public static Dockerfile parse(String text) {
        return parse(text, Map.of());
    }

    /** Parses and checks a Dockerfile; {@code buildArgs} override ARG defaults as {@code --build-arg} does. */
    public static Dockerfile parse(String text, Map<String, String> buildArgs) {
        Objects.requireNonNull(text, "text");
        LineJoiner.Joined joined = LineJoiner.join(text);
        InstructionParser parser = new InstructionParser();
        EngineSupport support = new EngineSupport(parser);
        support.check(joined.directives());
        // Checked one by one in file order, so the first problem reported is the first one in the file (a
        // heredoc's body lines, for example, are never reported as unknown instructions).
        List<Instruction> instructions = new ArrayList<>();
        for (LogicalLine line : joined.lines()) {
            Instruction instruction = parser.parse(line);
            support.check(instruction);
            instructions.add(instruction);
        }
        if (instructions.isEmpty()) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_EMPTY, 0,
                    "no instructions found (only comments or blank lines)");
        }
        StageBuilder.Built built = StageBuilder.build(instructions, joined.directives().escape(),
                Map.copyOf(buildArgs));
        return new Dockerfile(text, joined.directives(), instructions, built.globalArgs(), built.stages());
    }

    /** The escape character: {@code \} unless a {@code # escape=} directive chose {@code `}. */
    public char escape() {
        return directives.escape();
    }

    /** The stage the build produces. */
    public Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** The environment and labels of the image the build produces, as far as the Dockerfile sets them. */
    public StageConfig finalConfig() {
        return finalStage().config();
    }

    /** The external base images (not scratch, not a stage), as written after ARG substitution, in order. */
    public List<String> parents() {
        LinkedHashSet<String> parents = new LinkedHashSet<>();
        for (Stage stage : stages) {
            if (stage.externalBase()) {
                parents.add(stage.baseImage());
            }
        }
        return List.copyOf(parents);
    }

    /** The stage with this {@code AS} name (case-insensitive) or 0-based index. */
    public Optional<Stage> stage(String nameOrIndex) {
        for (Stage stage : stages) {
            if (stage.alias() != null && stage.alias().equalsIgnoreCase(nameOrIndex)) {
                return Optional.of(stage);
            }
        }
        if (INDEX.matcher(nameOrIndex).matches()) {
            int index = Integer.parseInt(nameOrIndex);
            return index < stages.size() ? Optional.of(stages.get(index)) : Optional.empty();
        }
        return Optional.empty();
    }
}
