package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits Dockerfile text into logical lines the way the builder's parser does: parser directives first, then
 * comments dropped, continuation lines joined (comments and blank lines inside a continuation are skipped).
 */
final class LineJoiner {
    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final char BOM = '\uFEFF';

    /** The directives and the logical lines of one Dockerfile. */
    record Joined(Directives directives, List<LogicalLine> lines) {
        Joined {
            lines = List.copyOf(lines);
        }
    }

    private LineJoiner() {
    }

    /** The physical lines of {@code text}, each with its own line terminator (the last one may have none). */
    static List<String> physicalLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    static Joined join(String text) {
        List<String> physical = new ArrayList<>();
        for (String line : physicalLines(text)) {
            physical.add(stripTerminator(line));
        }
        if (!physical.isEmpty() && !physical.get(0).isEmpty() && physical.get(0).charAt(0) == BOM) {
            physical.set(0, physical.get(0).substring(1));
        }
        Directives directives = directives(physical);
        return new Joined(directives, logicalLines(physical, directives.escape()));
    }

    /** Directives are only recognised on the first lines, before any other line, comment or blank line. */
    private static Directives directives(List<String> physical) {
        char escape = '\\';
        String syntax = null;
        int syntaxLine = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < physical.size(); i++) {
            // The builder looks for directives on the line with its leading whitespace removed.
            Matcher m = DIRECTIVE.matcher(physical.get(i).stripLeading());
            if (!m.matches()) {
                break;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            if (!name.equals("escape") && !name.equals("syntax")) {
                break; // an ordinary comment that happens to contain '=': directives end here
            }
            if (!seen.add(name)) {
                throw new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, i + 1,
                        "the '" + name + "' parser directive is given twice; only one is allowed");
            }
            String value = m.group(2);
            if (name.equals("syntax")) {
                syntax = value;
                syntaxLine = i + 1;
            } else if (value.equals("\\") || value.equals("`")) {
                escape = value.charAt(0);
            } else {
                throw new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, i + 1,
                        "invalid escape directive '" + value + "'; the escape character must be \\ or `");
            }
        }
        return new Directives(escape, syntax, syntaxLine);
    }

    private static List<LogicalLine> logicalLines(List<String> physical, char escape) {
        List<LogicalLine> lines = new ArrayList<>();
        int next = 0;
        while (next < physical.size()) {
            int start = next++;
            String first = physical.get(start).stripLeading();
            if (first.startsWith("#")) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            boolean open = appendTrimmed(text, first, escape);
            if (!open && text.toString().isBlank()) {
                continue;
            }
            while (open && next < physical.size()) {
                String line = physical.get(next++);
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue; // the builder skips comments and empty lines inside a continuation
                }
                open = appendTrimmed(text, line, escape);
            }
            if (open) {
                throw new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, start + 1, Deliberately.refused(
                        "the instruction starting here ends the file with a line continuation ('" + escape
                                + "'); remove the trailing '" + escape + "'",
                        "the continuation simply ends with the file",
                        "Slipway appends lines to the Dockerfile (labels), which would join this instruction"));
            }
            if (text.toString().isBlank()) {
                continue;
            }
            String original = String.join("\n", physical.subList(start, next));
            lines.add(new LogicalLine(start + 1, next, text.toString(), original));
        }
        return lines;
    }

    /**
     * Appends the line without its continuation; true when the line continues. As in the builder, a line continues
     * when it ends (before spaces and tabs) with an escape character that does not follow another one:
     * with the default escape, {@code a \} continues while {@code a \\} and any longer run of escape characters do
     * not (the builder's rule looks at one character before the last), and a line that is only the escape
     * character continues.
     */
    private static boolean appendTrimmed(StringBuilder text, String line, char escape) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t')) {
            end--;
        }
        boolean continues = end > 0 && line.charAt(end - 1) == escape
                && (end == 1 || line.charAt(end - 2) != escape);
        text.append(line, 0, continues ? end - 1 : line.length());
        return continues;
    }

    private static String stripTerminator(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }
}
