package dev.slipway.worker.engine;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The rules of a build context's {@code .dockerignore}, matched as the docker CLI matches them (its pattern matcher,
 * as of engine 20.10): lines starting with {@code #} and blank lines are skipped, each pattern is trimmed and
 * path-cleaned with any leading {@code /} removed, {@code *} and {@code ?} stay within one path segment, {@code **}
 * spans any number of segments, a pattern that matches a parent directory excludes everything below it, {@code !}
 * re-includes, and the last pattern that matches a path decides. Two places where Go's matcher passes a character
 * through to its regular expression by accident ({@code +}, {@code (}, {@code [!...]}) are matched literally, as
 * filepath.Match documents them, instead.
 *
 * @see <a href="https://docs.docker.com/engine/reference/builder/#dockerignore-file">The .dockerignore file</a>
 */
final class DockerIgnore {
    private final List<Rule> rules;

    private DockerIgnore(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No rules: every file is sent. */
    static DockerIgnore none() {
        return new DockerIgnore(List.of());
    }

    /**
     * The rules of a {@code .dockerignore} file's text.
     *
     * @throws SlipwayException BUILD_CONTEXT_INVALID for a lone {@code !} or a pattern that cannot be compiled
     */
    static DockerIgnore parse(String text) {
        List<Rule> rules = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\r?\n", -1)) {
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclusion = pattern.startsWith("!");
            if (exclusion) {
                pattern = pattern.substring(1).strip();
                if (pattern.isEmpty()) {
                    throw invalid(number, line, "a lone \"!\" re-includes nothing");
                }
            }
            pattern = clean(pattern);
            if (pattern.length() > 1 && pattern.startsWith("/")) {
                pattern = pattern.substring(1);
            }
            if (pattern.equals(".")) {
                continue; // The CLI ignores a pattern for the context itself.
            }
            try {
                rules.add(new Rule(exclusion, Pattern.compile(regex(pattern)), pattern.split("/").length));
            } catch (PatternSyntaxException e) {
                throw invalid(number, line, e.getDescription());
            }
        }
        return new DockerIgnore(rules);
    }

    /** Whether any rule re-includes paths ({@code !}), so an excluded directory must still be walked. */
    boolean hasExclusions() {
        return rules.stream().anyMatch(Rule::exclusion);
    }

    /** Whether the context path {@code path} (relative, {@code /}-separated, clean) is left out of the context. */
    boolean excludes(String path) {
        int slash = path.lastIndexOf('/');
        String[] parents = slash < 0 ? new String[0] : path.substring(0, slash).split("/");
        boolean excluded = false;
        for (Rule rule : rules) {
            boolean match = rule.pattern().matcher(path).matches();
            if (!match && parents.length > 0 && rule.segments() <= parents.length) {
                match = rule.pattern().matcher(String.join("/", Arrays.copyOf(parents, rule.segments()))).matches();
            }
            if (match) {
                excluded = !rule.exclusion();
            }
        }
        return excluded;
    }

    /** Go's filepath.Clean for a relative or absolute slash-separated path. */
    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                } else if (!rooted) {
                    out.add(part);
                }
                continue;
            }
            out.add(part);
        }
        String joined = String.join("/", out);
        return rooted ? "/" + joined : joined.isEmpty() ? "." : joined;
    }

    private static String regex(String pattern) {
        StringBuilder re = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (inClass) {
                if (c == ']') {
                    inClass = false;
                } else if (c == '\\' && i + 1 < pattern.length()) {
                    re.append(c);
                    c = pattern.charAt(++i);
                } else if (c == '[' || c == '&') {
                    re.append('\\');
                }
                re.append(c);
            } else if (c == '*') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '*') {
                    i++;
                    if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '/') {
                        i++;
                    }
                    re.append(i + 1 == pattern.length() ? ".*" : "(.*/)?");
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                inClass = true;
                re.append('[');
                if (i + 1 < pattern.length() && (pattern.charAt(i + 1) == '!' || pattern.charAt(i + 1) == '^')) {
                    re.append('^');
                    i++;
                }
            } else if (c == '\\') {
                literal(re, i + 1 < pattern.length() ? pattern.charAt(++i) : '\\');
            } else {
                literal(re, c);
            }
        }
        if (inClass) {
            throw new PatternSyntaxException("unterminated character class", pattern, pattern.length());
        }
        return re.toString();
    }

    private static void literal(StringBuilder re, char c) {
        if ("\\^$.|?*+()[]{}".indexOf(c) >= 0) {
            re.append('\\');
        }
        re.append(c);
    }

    private static SlipwayException invalid(int number, String line, String why) {
        return new SlipwayException(ErrorCode.BUILD_CONTEXT_INVALID, "Tried to read the build context's .dockerignore"
                + " but line " + number + " (\"" + line.strip() + "\") is not a valid pattern: " + why);
    }

    private record Rule(boolean exclusion, Pattern pattern, int segments) {
    }
}
