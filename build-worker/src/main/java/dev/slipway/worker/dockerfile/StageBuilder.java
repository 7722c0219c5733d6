package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.InvalidValueException;
import dev.slipway.common.image.ImageReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Groups instructions into build stages: global ARGs before the first FROM, each FROM's base after ARG
 * substitution resolved to an earlier stage, scratch or an image reference, and every {@code COPY --from} checked
 * to name an earlier stage (by name or index) or an image.
 */
final class StageBuilder {
    private static final Pattern STAGE_NAME = Pattern.compile("[a-z][a-z0-9-_.]*");
    private static final Pattern INDEX = Pattern.compile("[0-9]+");

    /** The global ARGs (name to value, empty when declared without one) and the stages. */
    record Built(Map<String, String> globalArgs, List<Stage> stages) {
    }

    private final StageEvaluator evaluator;
    private final char escape;

    StageBuilder(char escape, Map<String, String> buildArgs, Map<String, String> globalArgs) {
        this.escape = escape;
        this.evaluator = new StageEvaluator(escape, buildArgs, globalArgs);
    }

    static Built build(List<Instruction> instructions, char escape, Map<String, String> buildArgs) {
        Map<String, String> globals = new LinkedHashMap<>();
        StageBuilder builder = new StageBuilder(escape, buildArgs, globals);
        List<Instruction> froms = new ArrayList<>();
        List<List<Instruction>> bodies = new ArrayList<>();
        for (Instruction ins : instructions) {
            if (ins.keyword().equals("FROM")) {
                froms.add(ins);
                bodies.add(new ArrayList<>());
            } else if (!froms.isEmpty()) {
                bodies.get(bodies.size() - 1).add(ins);
            } else if (ins.keyword().equals("ARG")) {
                Substitution substitution = new Substitution(escape, globals::get, ins.line());
                builder.evaluator.declare(ins, substitution, Map.of())
                        .forEach((name, value) -> globals.put(name, value == null ? "" : value));
            } else {
                throw new DockerfileException(ErrorCode.DOCKERFILE_BEFORE_FROM, ins.line(), ins.keyword()
                        + " comes before the first FROM; only ARG may precede FROM");
            }
        }
        if (froms.isEmpty()) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_NO_FROM, 0,
                    "no FROM instruction found; every build starts with FROM <image>");
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < froms.size(); i++) {
            stages.add(builder.stage(i, froms.get(i), bodies.get(i), stages, globals));
        }
        for (Stage stage : stages) {
            for (Instruction ins : stage.instructions()) {
                if (ins.keyword().equals("COPY") && ins.flag("from").isPresent()) {
                    checkCopyFrom(ins, ins.flag("from").get(), stage, stages);
                }
            }
        }
        return new Built(globals, stages);
    }

    private Stage stage(int index, Instruction from, List<Instruction> body, List<Stage> earlier,
            Map<String, String> globals) {
        String[] words = from.arguments().text().strip().split(InstructionParser.WHITESPACE);
        if (!(words.length == 1 || (words.length == 3 && words[1].equalsIgnoreCase("AS")))) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, from.line(), "FROM takes an image and"
                    + " optionally 'AS <name>', not '" + from.arguments().text().strip() + "'");
        }
        Substitution substitution = new Substitution(escape, globals::get, from.line());
        String base = substitution.value(words[0]);
        if (base.isEmpty()) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_BASE_IMAGE, from.line(), "FROM " + words[0]
                    + " expands to an empty image name; give the ARG a default value before the first FROM");
        }
        String alias = words.length == 3 ? words[2].toLowerCase(Locale.ROOT) : null;
        if (alias != null) {
            checkAlias(from, alias, earlier);
        }
        Integer baseStage = find(earlier, base);
        boolean scratch = baseStage == null && base.equals("scratch");
        if (baseStage == null && !scratch) {
            try {
                ImageReference.parse(base);
            } catch (InvalidValueException e) {
                throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_BASE_IMAGE, from.line(), "FROM '" + base
                        + "' is neither an earlier stage nor a valid image reference: " + e.getMessage());
            }
        }
        String platform = from.flag("platform").map(substitution::value).orElse(null);
        StageConfig inherited = baseStage == null ? StageConfig.EMPTY : earlier.get(baseStage).config();
        return new Stage(index, alias, base, scratch, baseStage, platform, from, body,
                evaluator.evaluate(body, inherited));
    }

    private static void checkAlias(Instruction from, String alias, List<Stage> earlier) {
        if (!STAGE_NAME.matcher(alias).matches()) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_STAGE, from.line(), "stage name '" + alias
                    + "' must start with a letter and contain only letters, digits, '-', '_' and '.'");
        }
        Integer twin = find(earlier, alias);
        if (twin != null) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_STAGE, from.line(), "stage name '" + alias
                    + "' is already used by the stage at line " + earlier.get(twin).from().line());
        }
    }

    private static void checkCopyFrom(Instruction copy, String ref, Stage stage, List<Stage> stages) {
        List<Stage> earlier = stages.subList(0, stage.index());
        if (find(earlier, ref) != null) {
            return;
        }
        if (INDEX.matcher(ref).matches()) {
            long index = Long.parseLong(ref.length() > 9 ? "999999999" : ref);
            if (index < stage.index()) {
                return;
            }
            throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_STAGE, copy.line(), "COPY --from=" + ref
                    + (index == stage.index() ? " refers to its own stage" : " names no earlier stage")
                    + "; this is stage " + stage.index() + ", so the index must be below " + stage.index());
        }
        Integer later = find(stages, ref);
        if (later != null) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_STAGE, copy.line(), "COPY --from=" + ref
                    + " names the stage at line " + stages.get(later).from().line()
                    + ", which is not before this one; a stage can only copy from earlier stages");
        }
        try {
            ImageReference.parse(ref);
        } catch (InvalidValueException e) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_BAD_STAGE, copy.line(), "COPY --from=" + ref
                    + " is neither an earlier stage name or index nor a valid image reference: " + e.getMessage());
        }
    }

    /** The stage with this name (stage names are case-insensitive), or null. */
    private static Integer find(List<Stage> stages, String name) {
        for (Stage stage : stages) {
            if (stage.alias() != null && stage.alias().equalsIgnoreCase(name)) {
                return stage.index();
            }
        }
        return null;
    }
}
