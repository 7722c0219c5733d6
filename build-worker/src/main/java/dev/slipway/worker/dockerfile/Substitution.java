package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.function.Function;

/**
 * Expands one Dockerfile word as the builder's shell lexer does for FROM, ARG, ENV and LABEL: quotes are removed,
 * the escape character escapes the next character, and {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}} and
 * {@code ${VAR:+alternative}} are replaced (an unset variable is empty).
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/#environment-replacement">environment replacement</a>
 */
final class Substitution {
    /** A word after expansion, and whether any variable was read to produce it. */
    record Expanded(String value, boolean usedVariables) {
    }

    private static final char END = '\uFFFF';

    private final char escape;
    private final Function<String, String> variables;
    private final int line;
    private String word;
    private int pos;
    private boolean used;

    /** {@code variables} answers a variable's value, or null when it is unset. */
    Substitution(char escape, Function<String, String> variables, int line) {
        this.escape = escape;
        this.variables = variables;
        this.line = line;
    }

    Expanded expand(String text) {
        word = text;
        pos = 0;
        used = false;
        String value = until(END);
        return new Expanded(value, used);
    }

    String value(String text) {
        return expand(text).value();
    }

    private String until(char stop) {
        StringBuilder out = new StringBuilder();
        while (pos < word.length()) {
            char c = word.charAt(pos);
            if (c == stop) {
                pos++;
                return out.toString();
            }
            if (c == '\'') {
                out.append(singleQuoted());
            } else if (c == '"') {
                out.append(doubleQuoted());
            } else if (c == '$') {
                out.append(dollar());
            } else {
                pos++;
                if (c == escape) {
                    if (pos == word.length()) {
                        break; // a trailing escape is dropped
                    }
                    c = word.charAt(pos++);
                }
                out.append(c);
            }
        }
        if (stop != END) {
            throw problem(ErrorCode.DOCKERFILE_SYNTAX, "missing '" + stop + "'");
        }
        return out.toString();
    }

    private String singleQuoted() {
        int close = word.indexOf('\'', pos + 1);
        if (close < 0) {
            throw problem(ErrorCode.DOCKERFILE_SYNTAX, "unterminated single quote");
        }
        String literal = word.substring(pos + 1, close);
        pos = close + 1;
        return literal;
    }

    /** Inside double quotes the escape character escapes only '"', '$' and itself; other escapes stay as written. */
    private String doubleQuoted() {
        pos++;
        StringBuilder out = new StringBuilder();
        while (pos < word.length()) {
            char c = word.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c == '$') {
                out.append(dollar());
                continue;
            }
            pos++;
            if (c == escape && pos < word.length()) {
                char next = word.charAt(pos);
                if (next == '"' || next == '$' || next == escape) {
                    c = next;
                    pos++;
                }
            }
            out.append(c);
        }
        throw problem(ErrorCode.DOCKERFILE_SYNTAX, "unterminated double quote");
    }

    private String dollar() {
        pos++;
        if (pos >= word.length() || word.charAt(pos) != '{') {
            String name = name();
            return name.isEmpty() ? "$" : lookup(name);
        }
        pos++;
        if (pos >= word.length()) {
            throw problem(ErrorCode.DOCKERFILE_SYNTAX, "missing '}'");
        }
        char first = word.charAt(pos);
        if (first == '{' || first == '}' || first == ':') {
            throw problem(ErrorCode.DOCKERFILE_SYNTAX, "bad substitution");
        }
        String name = name();
        if (pos >= word.length()) {
            throw problem(ErrorCode.DOCKERFILE_SYNTAX, "missing '}'");
        }
        char c = word.charAt(pos++);
        if (c == '}') {
            return lookup(name);
        }
        if (c != ':') {
            throw "?#%/".indexOf(c) >= 0
                    ? problem(ErrorCode.DOCKERFILE_UNSUPPORTED, "${" + name + c + "...} needs a BuildKit frontend;"
                            + " the legacy builder knows only ${VAR}, ${VAR:-default} and ${VAR:+alternative}")
                    : problem(ErrorCode.DOCKERFILE_SYNTAX, "missing ':' in substitution ${" + name + c + "...}");
        }
        char modifier = pos < word.length() ? word.charAt(pos++) : END;
        String alternative = until('}');
        String value = lookup(name);
        return switch (modifier) {
            case '-' -> value.isEmpty() ? alternative : value;
            case '+' -> value.isEmpty() ? "" : alternative;
            default -> throw problem(ErrorCode.DOCKERFILE_UNSUPPORTED, "unsupported modifier '" + modifier
                    + "' in ${" + name + ":" + modifier + "...}; the legacy builder knows only :- and :+");
        };
    }

    /** A name is letters, digits and '_'; one that starts with a digit is all digits, as in the builder. */
    private String name() {
        int start = pos;
        if (pos < word.length() && Character.isDigit(word.charAt(pos))) {
            while (pos < word.length() && Character.isDigit(word.charAt(pos))) {
                pos++;
            }
            return word.substring(start, pos);
        }
        while (pos < word.length() && (Character.isLetterOrDigit(word.charAt(pos)) || word.charAt(pos) == '_')) {
            pos++;
        }
        return word.substring(start, pos);
    }

    private String lookup(String name) {
        used = true;
        String value = variables.apply(name);
        return value == null ? "" : value;
    }

    private DockerfileException problem(ErrorCode code, String what) {
        return new DockerfileException(code, line, "cannot expand " + word + ": " + what);
    }
}
