package dev.slipway.testing.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds class names written fully qualified in code instead of imported: they hide a dependency from whoever reads
 * a file's imports. Comments (so Javadoc {@code {@link}}s) and string literals are not code and are skipped. A
 * qualified name is accepted only where it must be: when the file imports, or its package holds, another class of
 * the same simple name.
 */
public final class InlineQualifiedNames {
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:dev|com|io|org|net|java|javax|jakarta)(?:\\.[a-z_][\\w]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+)\\s*;");
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^[ \\t]*(?:import|package)\\s[^;]*;");

    private InlineQualifiedNames() {
    }

    /** One line per inline qualified name under {@code sourceRoot}: {@code path:line: name}. */
    public static List<String> in(Path sourceRoot) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(inFile(file, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    static List<String> inFile(Path file, String source) {
        String code = HEADER_LINE.matcher(codeOnly(source)).replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
        Set<String> importedSimpleNames = new HashSet<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            String name = imports.group(1);
            importedSimpleNames.add(name.substring(name.lastIndexOf('.') + 1));
        }
        List<String> found = new ArrayList<>();
        Matcher m = QUALIFIED.matcher(code);
        while (m.find()) {
            if (importedSimpleNames.contains(m.group(2))
                    || file.resolveSibling(m.group(2) + ".java").toFile().isFile()) {
                continue; // two classes of one simple name: one of them has to be written in full
            }
            long line = code.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            found.add(file + ":" + line + ": " + m.group(1) + "." + m.group(2));
        }
        return found;
    }

    /** The source with comments, string and character literals blanked out; line breaks are kept. */
    static String codeOnly(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    out.append(' ');
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                blank(source, i, end, out);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                blank(source, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && source.charAt(end) != c && source.charAt(end) != '\n') {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
                blank(source, i, end, out);
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(String source, int from, int to, StringBuilder out) {
        for (int j = from; j < to; j++) {
            out.append(source.charAt(j) == '\n' ? '\n' : ' ');
        }
    }
}
