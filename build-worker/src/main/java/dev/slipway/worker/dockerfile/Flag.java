package dev.slipway.worker.dockerfile;

import java.util.Objects;

/**
 * One {@code --name=value} flag of an instruction, such as {@code --platform=}, {@code --from=} or
 * {@code --chown=}, with its value as written (variables not expanded).
 *
 * @param name the flag name without the leading dashes
 * @param value the text after '=', or null for a bare {@code --name}
 */
public record Flag(String name, String value) {
    public Flag {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
        return value == null ? "--" + name : "--" + name + "=" + value;
    }
}
