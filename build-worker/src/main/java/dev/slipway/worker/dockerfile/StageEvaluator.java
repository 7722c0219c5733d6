package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes a stage's environment and labels the way the builder dispatches ARG, ENV and LABEL: each instruction's
 * words are expanded against the variables set before it (ENV wins over ARG; an ARG is only visible in the stage
 * that declares it, taking a build argument, its default, or the global ARG's value), then all of them are set.
 */
final class StageEvaluator {
    private final char escape;
    private final Map<String, String> buildArgs;
    private final Map<String, String> globalArgs;

    StageEvaluator(char escape, Map<String, String> buildArgs, Map<String, String> globalArgs) {
        this.escape = escape;
        this.buildArgs = buildArgs;
        this.globalArgs = globalArgs;
    }

    StageConfig evaluate(List<Instruction> body, StageConfig inherited) {
        Map<String, String> env = new LinkedHashMap<>(inherited.env());
        Map<String, LabelValue> labels = new LinkedHashMap<>(inherited.labelValues());
        Map<String, String> args = new HashMap<>(); // a declared ARG without any value maps to null
        Function<String, String> variables = name -> env.containsKey(name) ? env.get(name) : args.get(name);
        for (Instruction ins : body) {
            Substitution substitution = new Substitution(escape, variables, ins.line());
            switch (ins.keyword()) {
                case "ARG" -> args.putAll(declare(ins, substitution, globalArgs));
                case "ENV" -> pairs(ins, substitution).forEach(p -> env.put(p.key().value(), p.value().value()));
                case "LABEL" -> pairs(ins, substitution).forEach(p -> labels.put(p.key().value(),
                        new LabelValue(p.value().value(), ins.line(),
                                !p.key().usedVariables() && !p.value().usedVariables())));
                default -> {
                }
            }
        }
        return new StageConfig(env, labels);
    }

    /**
     * The names and values an ARG declares; {@code fallback} supplies the value of a bare {@code ARG name} (the
     * global ARG's value inside a stage; nothing before the first FROM).
     */
    Map<String, String> declare(Instruction ins, Substitution substitution, Map<String, String> fallback) {
        Map<String, String> declared = new LinkedHashMap<>();
        for (Words.KeyValue arg : Words.args(ins, escape)) {
            String name = substitution.value(arg.key());
            if (name.isEmpty()) {
                throw new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, ins.line(), "ARG " + arg.key()
                        + " expands to an empty name");
            }
            String value;
            if (buildArgs.containsKey(name)) {
                value = buildArgs.get(name);
            } else if (arg.value() != null) {
                value = substitution.value(arg.value());
            } else {
                value = fallback.get(name);
            }
            declared.put(name, value);
        }
        return declared;
    }

    /** One expanded name=value pair. */
    private record Pair(Substitution.Expanded key, Substitution.Expanded value) {
    }

    /** All pairs are expanded before any is set, so {@code ENV a=1 b=$a} gives b the earlier a, as in Docker. */
    private List<Pair> pairs(Instruction ins, Substitution substitution) {
        List<Pair> pairs = new ArrayList<>();
        for (Words.KeyValue kv : Words.nameValues(ins, escape)) {
            Substitution.Expanded key = substitution.expand(kv.key());
            if (key.value().isEmpty()) {
                throw new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, ins.line(), ins.keyword() + " name "
                        + kv.key() + " expands to an empty name");
            }
            pairs.add(new Pair(key, substitution.expand(kv.value())));
        }
        return pairs;
    }
}
