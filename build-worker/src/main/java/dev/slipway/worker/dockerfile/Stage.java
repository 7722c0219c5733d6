package dev.slipway.worker.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build stage: a FROM instruction and the instructions up to the next FROM.
 *
 * @param index the 0-based stage index, as used by {@code COPY --from=<index>}
 * @param alias the lower-cased {@code AS} name, or null
 * @param baseImage the FROM image text after ARG substitution (an image reference, a stage name or "scratch")
 * @param scratch true when the stage starts from the empty image
 * @param baseStage the index of the earlier stage this one is built FROM, or null when its base is no stage
 * @param platform the {@code --platform} value after ARG substitution, or null
 * @param from the FROM instruction
 * @param instructions the instructions after FROM, in order
 * @param config the environment and labels the stage ends with
 */
public record Stage(int index, String alias, String baseImage, boolean scratch, Integer baseStage, String platform,
        Instruction from, List<Instruction> instructions, StageConfig config) {
    public Stage {
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(config, "config");
        instructions = List.copyOf(instructions);
        if (scratch && baseStage != null) {
            throw new IllegalArgumentException("a stage cannot start from scratch and from a stage");
        }
    }

    public Optional<String> aliasOpt() {
        return Optional.ofNullable(alias);
    }

    /** True when the base is an earlier stage of the same Dockerfile. */
    public boolean fromStage() {
        return baseStage != null;
    }

    /** True when the base is an image from a registry: a parent image that gets pinned. */
    public boolean externalBase() {
        return !scratch && baseStage == null;
    }
}
