package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the arguments of ENV, LABEL and ARG into words and {@code name=value} pairs the way the builder's parser
 * does: whitespace separates words except inside quotes, and quotes and escapes stay in the words for
 * {@link Substitution} to process later.
 */
final class Words {
    /** One name and its raw (still quoted) value; the value is null for a bare {@code ARG name}. */
    record KeyValue(String key, String value) {
    }

    private Words() {
    }

    static List<String> split(String rest, char escape) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int pos = 0; pos < rest.length(); pos++) {
            char c = rest.charAt(pos);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                continue;
            }
            inWord = true;
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (c == escape && quote != '\'') {
                // The escape and the character it escapes stay together, so an escaped quote ends nothing.
                if (pos + 1 == rest.length()) {
                    continue;
                }
                word.append(c);
                c = rest.charAt(++pos);
            }
            word.append(c);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * The pairs of ENV or LABEL: either the old {@code KEY name value with spaces} form (one pair, the value being
     * the rest of the line) or the {@code name=value name2="value 2"} form, chosen by whether the first word has '='.
     */
    static List<KeyValue> nameValues(Instruction instruction, char escape) {
        String keyword = instruction.keyword();
        String rest = instruction.arguments().text();
        List<String> words = split(rest, escape);
        if (words.isEmpty()) {
            throw syntax(instruction, keyword + " needs at least one name=value pair");
        }
        List<KeyValue> pairs = new ArrayList<>();
        if (!words.get(0).contains("=")) {
            String[] parts = rest.strip().split(InstructionParser.WHITESPACE, 2);
            if (parts.length < 2) {
                throw syntax(instruction, keyword + " " + parts[0] + " has no value; write " + keyword + " "
                        + parts[0] + "=<value>");
            }
            pairs.add(new KeyValue(parts[0], parts[1]));
            return pairs;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw syntax(instruction, keyword + " word '" + word + "' has no '='; mixing 'name value' and"
                        + " 'name=value' forms is not allowed");
            }
            if (eq == 0) {
                throw syntax(instruction, keyword + " names can not be blank (in '" + word + "')");
            }
            pairs.add(new KeyValue(word.substring(0, eq), word.substring(eq + 1)));
        }
        return pairs;
    }

    /** The declarations of one ARG instruction: {@code name} or {@code name=default}, several per line allowed. */
    static List<KeyValue> args(Instruction instruction, char escape) {
        List<KeyValue> args = new ArrayList<>();
        for (String word : split(instruction.arguments().text(), escape)) {
            int eq = word.indexOf('=');
            if (eq == 0) {
                throw syntax(instruction, "ARG names can not be blank (in '" + word + "')");
            }
            args.add(eq < 0 ? new KeyValue(word, null) : new KeyValue(word.substring(0, eq), word.substring(eq + 1)));
        }
        if (args.isEmpty()) {
            throw syntax(instruction, "ARG needs a name");
        }
        return args;
    }

    private static DockerfileException syntax(Instruction instruction, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, instruction.line(), problem);
    }
}
