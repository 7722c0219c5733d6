package dev.slipway.worker.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * A strict reader of the JSON array of strings that exec-form instructions use ({@code ["a", "b"]}), reporting
 * whether malformed input simply ended too early so callers can tell an unterminated array from shell text.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
final class JsonArray {
    /** The array's strings and the index just after its closing bracket. */
    record Parsed(List<String> values, int end) {
        Parsed {
            values = List.copyOf(values);
        }
    }

    /** The text is not a JSON array of strings. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean unterminated;

        Malformed(boolean unterminated, String message) {
            super(message);
            this.unterminated = unterminated;
        }

        /** True when the text ended before the array (or a string in it) was closed. */
        boolean unterminated() {
            return unterminated;
        }
    }

    private final String text;
    private int pos;

    private JsonArray(String text) {
        this.text = text;
    }

    /** Reads the array that starts at the first character of {@code text}; text after it is left to the caller. */
    static Parsed parse(String text) throws Malformed {
        return new JsonArray(text).array();
    }

    private Parsed array() throws Malformed {
        expect('[');
        List<String> values = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return new Parsed(values, pos);
        }
        while (true) {
            skipSpace();
            values.add(string());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new Parsed(values, pos);
            }
            if (c != ',') {
                throw new Malformed(false, "expected ',' or ']' at column " + pos + " but found '" + c + "'");
            }
        }
    }

    private String string() throws Malformed {
        if (peek() != '"') {
            throw new Malformed(false, "element at column " + (pos + 1) + " is not a double-quoted string");
        }
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Malformed(false, "control character in a string at column " + pos);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = peek();
            pos++;
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw new Malformed(false, "bad escape '\\" + e + "' at column " + pos);
            }
        }
    }

    private char unicodeEscape() throws Malformed {
        if (pos + 4 > text.length()) {
            throw new Malformed(true, "the text ends inside a \\u escape");
        }
        String hex = text.substring(pos, pos + 4);
        if (!hex.matches("[0-9a-fA-F]{4}")) {
            throw new Malformed(false, "bad \\u escape '\\u" + hex + "'");
        }
        pos += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw new Malformed(false, "expected '" + c + "'");
        }
        pos++;
    }

    /** The next character; running out of text is the one failure that means "unterminated". */
    private char peek() throws Malformed {
        if (pos >= text.length()) {
            throw new Malformed(true, "the array is not terminated: the text ends before its closing ']'");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
