package dev.slipway.worker.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Dockerfile instruction as the builder reads it.
 *
 * @param line the 1-based line the instruction starts on
 * @param endLine the 1-based line it ends on (greater than {@code line} when continued)
 * @param keyword the instruction keyword, upper-cased ({@code FROM}, {@code RUN}...)
 * @param flags the leading {@code --name=value} flags, in order
 * @param arguments the rest of the instruction
 * @param original the physical lines of the instruction as written, joined with '\n'
 */
public record Instruction(int line, int endLine, String keyword, List<Flag> flags, Arguments arguments,
        String original) {
    public Instruction {
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(original, "original");
        flags = List.copyOf(flags);
        if (line < 1 || endLine < line) {
            throw new IllegalArgumentException("bad line range " + line + ".." + endLine);
        }
    }

    /** The value of flag {@code --name}, when given with a value; like the builder, {@code --name=} is not given. */
    public Optional<String> flag(String name) {
        return flags.stream().filter(f -> f.name().equals(name) && f.value() != null && !f.value().isEmpty())
                .map(Flag::value).findFirst();
    }

    /** True when this instruction carries flag {@code --name}, with or without a value. */
    public boolean hasFlag(String name) {
        return flags.stream().anyMatch(f -> f.name().equals(name));
    }
}
