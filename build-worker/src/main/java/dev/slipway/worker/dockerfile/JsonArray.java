package dev.slipway.worker.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the JSON array that exec-form arguments start with the way the builder does (Go's {@code json.Decoder}
 * into {@code []interface{}}): exactly one JSON value is read and whatever follows it is left over; a syntax error
 * means "not JSON" (the builder then takes the text as shell form); a well-formed array holding anything but
 * strings is the builder's "arrays must be comprised of strings only" error.
 *
 * <p>Nesting is tracked with a counter, never recursion, so no input can exhaust the stack; like Go's scanner the
 * reader gives up (as a syntax error) past {@value #MAX_DEPTH} levels.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8259">RFC 8259</a>
 */
final class JsonArray {
    static final int MAX_DEPTH = 10_000;

    /** What the text starting with '[' turned out to be. */
    enum Kind {
        /** A well-formed array of strings: exec form. */
        STRINGS,
        /** A well-formed array with an element that is not a string: the builder refuses the instruction. */
        NOT_STRINGS,
        /** Not well-formed JSON: the builder reads the text as shell form. */
        MALFORMED
    }

    /**
     * The outcome.
     *
     * @param kind what the text is
     * @param values the strings, for {@link Kind#STRINGS}
     * @param end the index after the array's closing bracket (text after it is what the builder drops)
     * @param problem for {@link Kind#MALFORMED} and {@link Kind#NOT_STRINGS}, what is wrong, with the column
     * @param unterminated for {@link Kind#MALFORMED}, true when the text ended inside the array
     */
    record Result(Kind kind, List<String> values, int end, String problem, boolean unterminated) {
        Result {
            values = List.copyOf(values);
        }
    }

    /** Thrown inside the reader only; turned into a MALFORMED result. */
    private static final class Syntax extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean eof;

        Syntax(boolean eof, String message) {
            super(message, null, false, false);
            this.eof = eof;
        }
    }

    private final String text;
    private int pos;

    private JsonArray(String text) {
        this.text = text;
    }

    /** Reads the array that starts at the first character of {@code text} (which must be '['). */
    static Result read(String text) {
        return new JsonArray(text).array();
    }

    private Result array() {
        List<String> strings = new ArrayList<>();
        String nonString = null;
        try {
            expect('[');
            skipSpace();
            if (peek() == ']') {
                pos++;
                return new Result(Kind.STRINGS, strings, pos, null, false);
            }
            while (true) {
                skipSpace();
                int column = pos + 1;
                if (peek() == '"') {
                    strings.add(string());
                } else {
                    value();
                    if (nonString == null) {
                        nonString = "the element at column " + column + " is not a double-quoted string";
                    }
                }
                skipSpace();
                char c = peek();
                pos++;
                if (c == ']') {
                    break;
                }
                if (c != ',') {
                    throw new Syntax(false, "expected ',' or ']' at column " + pos + " but found '" + c + "'");
                }
            }
        } catch (Syntax e) {
            return new Result(Kind.MALFORMED, List.of(), pos, e.getMessage(), e.eof);
        }
        return nonString == null ? new Result(Kind.STRINGS, strings, pos, null, false)
                : new Result(Kind.NOT_STRINGS, List.of(), pos, nonString, false);
    }

    /** Skips one JSON value of any kind, nested arrays and objects included, without recursion. */
    private void value() throws Syntax {
        // Each open container is one char on this stack: '[' or '{'.
        StringBuilder open = new StringBuilder();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '[' || c == '{') {
                if (open.length() >= MAX_DEPTH) {
                    throw new Syntax(false, "exceeded max depth at column " + (pos + 1));
                }
                pos++;
                open.append(c);
                skipSpace();
                char close = c == '[' ? ']' : '}';
                if (peek() == close) {
                    pos++;
                    open.setLength(open.length() - 1);
                } else {
                    if (c == '{') {
                        member();
                    }
                    continue;
                }
            } else {
                scalar();
            }
            // After a value: close containers or move to the next element.
            while (true) {
                if (open.length() == 0) {
                    return;
                }
                skipSpace();
                char top = open.charAt(open.length() - 1);
                char next = peek();
                pos++;
                if (next == ',') {
                    if (top == '{') {
                        skipSpace();
                        member();
                    }
                    break;
                }
                if ((top == '[' && next == ']') || (top == '{' && next == '}')) {
                    open.setLength(open.length() - 1);
                    continue;
                }
                throw new Syntax(false, "unexpected '" + next + "' at column " + pos);
            }
        }
    }

    /** An object member's name and colon; its value follows. */
    private void member() throws Syntax {
        if (peek() != '"') {
            throw new Syntax(false, "expected a member name at column " + (pos + 1));
        }
        string();
        skipSpace();
        expect(':');
    }

    private void scalar() throws Syntax {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else {
            throw new Syntax(false, "invalid character '" + c + "' at column " + (pos + 1));
        }
    }

    private void literal(String word) throws Syntax {
        for (int i = 0; i < word.length(); i++) {
            if (peek() != word.charAt(i)) {
                throw new Syntax(false, "invalid literal at column " + (pos + 1));
            }
            pos++;
        }
    }

    private void number() throws Syntax {
        if (peek() == '-') {
            pos++;
        }
        char c = peek();
        if (c == '0') {
            pos++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw new Syntax(false, "invalid number at column " + (pos + 1));
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            requireDigit();
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigit();
            digits();
        }
    }

    private void requireDigit() throws Syntax {
        char c = peek();
        if (c < '0' || c > '9') {
            throw new Syntax(false, "invalid number at column " + (pos + 1));
        }
    }

    private void digits() {
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
    }

    private String string() throws Syntax {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw new Syntax(false, "control character in a string at column " + pos);
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
                case 'u' -> unicodeEscape(out);
                default -> throw new Syntax(false, "bad escape '\\" + e + "' at column " + pos);
            }
        }
    }

    /** A {@code \\uXXXX} escape; like Go, a surrogate that is not part of a valid pair becomes U+FFFD. */
    private void unicodeEscape(StringBuilder out) throws Syntax {
        char first = hex4();
        if (Character.isHighSurrogate(first) && text.startsWith("\\u", pos)) {
            int save = pos;
            pos += 2;
            char second = hex4();
            if (Character.isLowSurrogate(second)) {
                out.append(first).append(second);
                return;
            }
            pos = save;
        }
        out.append(Character.isSurrogate(first) ? '\uFFFD' : first);
    }

    private char hex4() throws Syntax {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(peek(), 16);
            if (digit < 0 || peek() > 'f') {
                throw new Syntax(false, "bad \\u escape at column " + (pos + 1));
            }
            value = value * 16 + digit;
            pos++;
        }
        return (char) value;
    }

    private void expect(char c) throws Syntax {
        char found = peek();
        if (found != c) {
            throw new Syntax(false, "expected '" + c + "' at column " + (pos + 1) + " but found '" + found + "'");
        }
        pos++;
    }

    /** The next character; running out of text is the one failure that means "unterminated". */
    private char peek() throws Syntax {
        if (pos >= text.length()) {
            throw new Syntax(true, "the array is not terminated: the text ends before its closing ']'");
        }
        return text.charAt(pos);
    }

    /** JSON whitespace only: space, tab, line feed and carriage return. */
    private void skipSpace() {
        while (pos < text.length() && " \t\n\r".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }
}
