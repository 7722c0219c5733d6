package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one logical line into an {@link Instruction}: keyword, leading {@code --flags}, and arguments in JSON
 * (exec) or shell form, following the builder's rules for which instructions accept JSON.
 */
final class InstructionParser {
    static final String WHITESPACE = "[\\t\\u000B\\f\\r ]+";
    static final Set<String> EXEC_CAPABLE = Set.of("RUN", "CMD", "ENTRYPOINT", "SHELL", "COPY", "ADD",
            "VOLUME");

    /** The flags at the start of an instruction's arguments and the text after them. */
    private record FlagSplit(List<Flag> flags, String rest) {
    }

    Instruction parse(LogicalLine line) {
        String[] parts = line.text().strip().split(WHITESPACE, 2);
        String keyword = parts[0].toUpperCase(Locale.ROOT);
        FlagSplit split = flags(parts.length > 1 ? parts[1] : "");
        Arguments arguments = arguments(keyword, split.rest().stripLeading(), line.line());
        return new Instruction(line.line(), line.endLine(), keyword, split.flags(), arguments, line.original());
    }

    /**
     * JSON is tried only for instructions that accept it, exactly as the builder reads it: a well-formed array of
     * strings is exec form, a well-formed array holding anything else is an error, and text that is not
     * well-formed JSON is shell form (so {@code RUN [ -f x ]} stays a shell test). Slipway deliberately refuses
     * three things the builder accepts, because each silently runs something the author did not write: an array
     * the file ends inside of, text that starts like an array of strings ({@code ["} or {@code ['}) but is not
     * JSON, and text after the array (which the builder drops).
     */
    static Arguments arguments(String keyword, String text, int line) {
        if (!EXEC_CAPABLE.contains(keyword) || !text.startsWith("[")) {
            return Arguments.shell(text);
        }
        JsonArray.Result json = JsonArray.read(text);
        switch (json.kind()) {
            case STRINGS -> {
                String trailing = text.substring(json.end()).strip();
                if (!trailing.isEmpty()) {
                    throw syntax(line, Deliberately.refused(keyword + " has a JSON array followed by '" + trailing
                            + "'", "it runs the array and silently drops the text after it",
                            "the dropped text was meant to run"));
                }
                return Arguments.exec(text, json.values());
            }
            case NOT_STRINGS -> throw syntax(line, keyword + " is a JSON array but " + json.problem()
                    + "; when using JSON array syntax, arrays must be comprised of strings only (the builder"
                    + " refuses this too)");
            default -> {
                if (json.unterminated() || text.startsWith("[\"") || text.startsWith("['")) {
                    throw syntax(line, Deliberately.refused(keyword + " arguments look like a JSON array but are"
                            + " not valid JSON: " + json.problem() + " (JSON strings need double quotes)",
                            "as shell form: the brackets and quotes are passed to the shell",
                            "exec form was clearly meant"));
                }
                return Arguments.shell(text);
            }
        }
    }

    private static DockerfileException syntax(int line, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, line, problem);
    }

    /** The builder reads leading words that start with "--" as flags; quotes inside them are removed. */
    private static FlagSplit flags(String rest) {
        List<Flag> flags = new ArrayList<>();
        int pos = 0;
        while (true) {
            while (pos < rest.length() && Character.isWhitespace(rest.charAt(pos))) {
                pos++;
            }
            if (!rest.startsWith("--", pos)) {
                return new FlagSplit(flags, rest.substring(pos));
            }
            StringBuilder word = new StringBuilder();
            char quote = 0;
            for (; pos < rest.length(); pos++) {
                char c = rest.charAt(pos);
                if (quote == 0 && Character.isWhitespace(c)) {
                    break;
                }
                if (quote == 0 && (c == '"' || c == '\'')) {
                    quote = c;
                } else if (quote != 0 && c == quote) {
                    quote = 0;
                } else if (c == '\\' && pos + 1 < rest.length()) {
                    word.append(rest.charAt(++pos));
                } else if (c != '\\') {
                    word.append(c);
                }
            }
            if (word.toString().equals("--")) {
                return new FlagSplit(flags, rest.substring(pos));
            }
            String body = word.substring(2);
            int eq = body.indexOf('=');
            flags.add(eq < 0 ? new Flag(body, null) : new Flag(body.substring(0, eq), body.substring(eq + 1)));
        }
    }
}
