package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Refuses, before any build, what the Docker Engine 20.10 legacy builder (the {@code /build} API without BuildKit)
 * cannot build: BuildKit-only flags, heredocs, a {@code # syntax=} frontend and unknown instructions.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>
 */
final class EngineSupport {
    static final Set<String> KEYWORDS = Set.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
            "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME",
            "WORKDIR");
    private static final Map<String, Set<String>> FLAGS = Map.of(
            "FROM", Set.of("platform"),
            "COPY", Set.of("from", "chown"),
            "ADD", Set.of("chown"),
            "HEALTHCHECK", Set.of("interval", "timeout", "start-period", "retries"));
    /** Flags that newer BuildKit frontends accept, so their use means "needs BuildKit" rather than "typo". */
    private static final Set<String> BUILDKIT_FLAGS = Set.of("mount", "network", "security", "link", "chmod",
            "checksum", "keep-git-dir", "parents", "exclude", "start-interval");
    private static final Set<String> NOT_UNDER_ONBUILD = Set.of("ONBUILD", "FROM", "MAINTAINER");
    /** {@code <<EOF}, {@code <<-EOF}, {@code <<"EOF"}: a heredoc marker followed by the end of a word. */
    private static final Pattern HEREDOC = Pattern.compile("<<-?([\"']?)[A-Za-z_][A-Za-z0-9_]*\\1(?=$|[\\s;|&>)])");

    private final InstructionParser parser;

    EngineSupport(InstructionParser parser) {
        this.parser = parser;
    }

    void check(Directives directives) {
        if (directives.syntax() != null) {
            throw unsupported(directives.syntaxLine(), "the '# syntax=" + directives.syntax() + "' directive asks"
                    + " for a BuildKit frontend, which the Docker Engine 20.10 legacy builder does not run; remove it"
                    + " and use only classic Dockerfile features");
        }
    }

    void check(Instruction ins) {
        String keyword = ins.keyword();
        if (!KEYWORDS.contains(keyword)) {
            throw new DockerfileException(ErrorCode.DOCKERFILE_UNKNOWN_INSTRUCTION, ins.line(), "unknown instruction '"
                    + keyword + "'; the builder knows " + String.join(", ", new TreeSet<>(KEYWORDS)));
        }
        checkFlags(ins);
        String text = ins.arguments().text();
        if (text.isBlank()) {
            throw syntax(ins.line(), keyword + " needs at least one argument");
        }
        if (Set.of("RUN", "COPY", "ADD").contains(keyword) && !ins.arguments().execForm()
                && HEREDOC.matcher(text).find()) {
            throw unsupported(ins.line(), keyword + " uses a heredoc (<<WORD), which needs BuildKit; put the"
                    + " text in a file in the build context and COPY it instead");
        }
        switch (keyword) {
            case "SHELL" -> {
                if (!ins.arguments().execForm()) {
                    throw syntax(ins.line(), "SHELL needs its arguments in JSON form, e.g. SHELL [\"/bin/sh\", \"-c\"]");
                }
            }
            case "COPY", "ADD" -> checkCopy(ins);
            case "HEALTHCHECK" -> checkHealthcheck(ins, text);
            case "ONBUILD" -> checkOnbuild(ins, text);
            default -> {
            }
        }
    }

    private void checkFlags(Instruction ins) {
        Set<String> seen = new HashSet<>();
        Set<String> allowed = FLAGS.getOrDefault(ins.keyword(), Set.of());
        for (Flag flag : ins.flags()) {
            if (!seen.add(flag.name())) {
                throw syntax(ins.line(), ins.keyword() + " has flag --" + flag.name() + " twice");
            }
            if (!allowed.contains(flag.name())) {
                if (BUILDKIT_FLAGS.contains(flag.name())) {
                    throw unsupported(ins.line(), ins.keyword() + " --" + flag.name() + " needs BuildKit, which the"
                            + " Docker Engine 20.10 legacy builder does not have; remove the flag");
                }
                throw syntax(ins.line(), "unknown flag --" + flag.name() + " on " + ins.keyword()
                        + (allowed.isEmpty() ? " (it takes no flags)" : " (it takes --" + String.join(", --",
                                new TreeSet<>(allowed)) + ")"));
            }
            if (flag.value() == null || flag.value().isEmpty()) {
                throw syntax(ins.line(), ins.keyword() + " --" + flag.name() + " needs a value (--" + flag.name()
                        + "=<value>)");
            }
        }
    }

    private void checkCopy(Instruction ins) {
        int operands = ins.arguments().execForm() ? ins.arguments().values().size()
                : ins.arguments().text().strip().split(InstructionParser.WHITESPACE).length;
        if (operands < 2) {
            throw syntax(ins.line(), ins.keyword() + " needs at least a source and a destination");
        }
        String from = ins.flag("from").orElse("");
        if (from.contains("$")) {
            throw unsupported(ins.line(), "COPY --from=" + from + " uses a variable, which the legacy builder does"
                    + " not expand; name the stage or image literally");
        }
    }

    private static void checkHealthcheck(Instruction ins, String text) {
        String first = text.strip().split(InstructionParser.WHITESPACE, 2)[0].toUpperCase(Locale.ROOT);
        if (!first.equals("NONE") && !first.equals("CMD")) {
            throw syntax(ins.line(), "HEALTHCHECK must be followed by CMD or NONE, not '" + first + "'");
        }
    }

    private void checkOnbuild(Instruction ins, String text) {
        Instruction trigger = parser.parse(new LogicalLine(ins.line(), ins.endLine(), text, ins.original()));
        if (NOT_UNDER_ONBUILD.contains(trigger.keyword())) {
            throw syntax(ins.line(), "ONBUILD cannot trigger " + trigger.keyword());
        }
        check(trigger);
    }

    private static DockerfileException syntax(int line, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, line, problem);
    }

    private static DockerfileException unsupported(int line, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_UNSUPPORTED, line, problem);
    }
}
