package dev.slipway.worker.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * The arguments of an instruction after its flags, in shell form or in JSON (exec) form.
 *
 * @param text the arguments as written, continuations joined
 * @param execForm true when the arguments are a JSON array of strings
 * @param values the JSON array's strings in exec form; empty in shell form
 */
public record Arguments(String text, boolean execForm, List<String> values) {
    public Arguments {
        Objects.requireNonNull(text, "text");
        values = List.copyOf(values);
        if (!execForm && !values.isEmpty()) {
            throw new IllegalArgumentException("shell-form arguments carry no JSON values");
        }
    }

    static Arguments shell(String text) {
        return new Arguments(text, false, List.of());
    }

    static Arguments exec(String text, List<String> values) {
        return new Arguments(text, true, values);
    }
}
