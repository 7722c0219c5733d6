package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.HashSet;
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
    private static final Set<String> NOT_UNDER_ONBUILD = Set.of("FROM", "MAINTAINER");
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
        if (Set.of("RUN", "COPY", "ADD").contains(keyword) && !ins.arguments().execForm()
                && HEREDOC.matcher(text).find()) {
            throw unsupported(ins.line(), keyword + " uses a heredoc (<<WORD), which needs BuildKit; put the"
                    + " text in a file in the build context and COPY it instead");
        }
        ArgumentRules.check(ins);
        switch (keyword) {
            case "COPY", "ADD" -> checkCopyFrom(ins);
            case "ONBUILD" -> checkOnbuild(ins, text);
            default -> {
            }
        }
    }

    /**
     * Flags as the builder reads them: only the instruction's own, each at most once, each with '=' (an empty value
     * is allowed and means "not given"). The builder never reads the flags of ARG, STOPSIGNAL and HEALTHCHECK NONE,
     * silently ignoring any; Slipway refuses those.
     */
    private void checkFlags(Instruction ins) {
        if (ins.flags().isEmpty()) {
            return;
        }
        if (ignoresFlags(ins)) {
            throw syntax(ins.line(), Deliberately.refused(ins.keyword() + " has flag " + ins.flags().get(0),
                    "it never reads this instruction's flags and ignores them", "a flag that does nothing is a"
                            + " mistake"));
        }
        Set<String> seen = new HashSet<>();
        Set<String> allowed = FLAGS.getOrDefault(ins.keyword(), Set.of());
        for (Flag flag : ins.flags()) {
            if (!allowed.contains(flag.name())) {
                if (BUILDKIT_FLAGS.contains(flag.name())) {
                    throw unsupported(ins.line(), ins.keyword() + " --" + flag.name() + " needs BuildKit, which the"
                            + " Docker Engine 20.10 legacy builder does not have; remove the flag");
                }
                throw syntax(ins.line(), "unknown flag --" + flag.name() + " on " + ins.keyword()
                        + (allowed.isEmpty() ? " (it takes no flags)" : " (it takes --" + String.join(", --",
                                new TreeSet<>(allowed)) + ")"));
            }
            if (!seen.add(flag.name())) {
                throw syntax(ins.line(), ins.keyword() + " has flag --" + flag.name() + " twice");
            }
            if (flag.value() == null) {
                throw syntax(ins.line(), ins.keyword() + " --" + flag.name() + " needs a value (--" + flag.name()
                        + "=<value>)");
            }
        }
    }

    private static boolean ignoresFlags(Instruction ins) {
        return switch (ins.keyword()) {
            case "ARG", "STOPSIGNAL" -> true;
            case "HEALTHCHECK" -> ins.arguments().text().strip().split("\\s+")[0].equalsIgnoreCase("NONE");
            default -> false;
        };
    }

    private void checkCopyFrom(Instruction ins) {
        String from = ins.flag("from").orElse("");
        if (from.contains("$")) {
            throw unsupported(ins.line(), "COPY --from=" + from + " uses a variable, which the legacy builder does"
                    + " not expand; name the stage or image literally");
        }
    }

    /**
     * The builder refuses ONBUILD ONBUILD, ONBUILD FROM and ONBUILD MAINTAINER and parses the trigger's JSON;
     * it checks nothing else in the trigger until an image is built FROM this one. Slipway checks the trigger
     * like any instruction now, saying so, because a bad trigger breaks every build that uses the image.
     */
    private void checkOnbuild(Instruction ins, String text) {
        Instruction trigger = parser.parse(new LogicalLine(ins.line(), ins.endLine(), text, ins.original()));
        if (trigger.keyword().equals("ONBUILD")) {
            throw syntax(ins.line(), "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (NOT_UNDER_ONBUILD.contains(trigger.keyword())) {
            throw syntax(ins.line(), trigger.keyword() + " isn't allowed as an ONBUILD trigger; ONBUILD cannot"
                    + " trigger " + trigger.keyword());
        }
        try {
            check(trigger);
        } catch (DockerfileException e) {
            String problem = e.getMessage().replaceFirst("^Dockerfile line [0-9]+: ", "");
            throw new DockerfileException(e.code(), ins.line(), problem.contains("Slipway refuses") ? problem
                    : Deliberately.refused("the ONBUILD trigger is wrong: " + problem, "it checks the trigger"
                            + " only when an image is built FROM this one", "the trigger would fail every such"
                            + " build"));
        }
    }

    private static DockerfileException syntax(int line, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, line, problem);
    }

    private static DockerfileException unsupported(int line, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_UNSUPPORTED, line, problem);
    }
}
