package dev.slipway.worker.dockerfile;

import dev.slipway.common.error.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Each instruction's argument checks, as the Docker Engine 20.10 builder makes them when it parses the Dockerfile
 * (its {@code instructions.Parse}): how many arguments an instruction needs and in which form. The two places
 * where Slipway is stricter say so in their message.
 *
 * @see <a href="https://docs.docker.com/reference/dockerfile/">Dockerfile reference</a>
 */
final class ArgumentRules {
    private ArgumentRules() {
    }

    static void check(Instruction ins) {
        Arguments args = ins.arguments();
        String text = args.text().strip();
        String keyword = ins.keyword();
        switch (keyword) {
            case "RUN", "CMD" -> {
                if (!args.execForm() && text.isEmpty()) {
                    throw syntax(ins, Deliberately.refused(keyword + " has no command", "RUN".equals(keyword)
                            ? "it runs the shell without a command, which fails when the step runs"
                            : "it sets the image's command to the bare shell, which fails when the image runs",
                            "the empty instruction can only fail later; write " + keyword + " [] for an empty"
                                    + " exec form"));
                }
            }
            case "ENTRYPOINT" -> {
                // An empty ENTRYPOINT clears the parent's entrypoint, as in the builder.
            }
            case "SHELL" -> {
                if (!args.execForm() && !text.isEmpty()) {
                    throw syntax(ins, "SHELL requires the arguments to be in JSON form, e.g."
                            + " SHELL [\"/bin/sh\", \"-c\"]");
                }
                if (args.values().isEmpty()) {
                    throw syntax(ins, "SHELL needs at least one argument");
                }
            }
            case "COPY", "ADD" -> {
                if (operands(args).size() < 2) {
                    throw syntax(ins, keyword + " requires at least two arguments, a source and a destination,"
                            + " but only " + operands(args).size() + " was provided");
                }
            }
            case "VOLUME" -> {
                List<String> volumes = operands(args);
                if (volumes.isEmpty()) {
                    throw syntax(ins, "VOLUME needs at least one argument");
                }
                if (volumes.stream().anyMatch(String::isBlank)) {
                    throw syntax(ins, "VOLUME specified can not be an empty string");
                }
            }
            case "EXPOSE", "ENV", "LABEL", "ARG", "ONBUILD", "HEALTHCHECK" -> {
                if (text.isEmpty()) {
                    throw syntax(ins, keyword + " needs at least one argument");
                }
            }
            case "USER", "WORKDIR", "STOPSIGNAL", "MAINTAINER" -> {
                // The builder takes the whole rest of the line as the one argument, spaces and all.
                if (text.isEmpty()) {
                    throw syntax(ins, keyword + " needs exactly one argument");
                }
            }
            case "FROM" -> {
                String[] words = text.isEmpty() ? new String[0] : text.split(InstructionParser.WHITESPACE);
                if (!(words.length == 1 || (words.length == 3 && words[1].equalsIgnoreCase("AS")))) {
                    throw syntax(ins, "FROM requires either one or three arguments (an image, and optionally"
                            + " 'AS <name>'), not '" + text + "'");
                }
            }
            default -> {
            }
        }
        if (keyword.equals("HEALTHCHECK")) {
            checkHealthcheck(ins, text);
        }
    }

    /** COPY, ADD and VOLUME take their words split at whitespace in shell form. */
    private static List<String> operands(Arguments args) {
        if (args.execForm()) {
            return args.values();
        }
        String text = args.text().strip();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(InstructionParser.WHITESPACE));
    }

    private static void checkHealthcheck(Instruction ins, String text) {
        String[] parts = text.split("\\s+", 2);
        String type = parts[0].toUpperCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        if (type.equals("NONE")) {
            if (!rest.isEmpty()) {
                throw syntax(ins, "HEALTHCHECK NONE takes no arguments");
            }
            return;
        }
        if (!type.equals("CMD")) {
            throw syntax(ins, "Unknown type \"" + type + "\" in HEALTHCHECK (try CMD); HEALTHCHECK must be"
                    + " followed by CMD or NONE");
        }
        // The command after CMD is read like CMD's own arguments (JSON or shell form).
        Arguments command = InstructionParser.arguments("CMD", rest, ins.line());
        if (command.execForm() ? command.values().isEmpty() : rest.isEmpty()) {
            throw syntax(ins, "Missing command after HEALTHCHECK CMD");
        }
        for (String name : List.of("interval", "timeout", "start-period")) {
            ins.flag(name).filter(v -> !v.isEmpty()).ifPresent(value -> checkInterval(ins, name, value));
        }
        ins.flag("retries").filter(v -> !v.isEmpty()).ifPresent(value -> checkRetries(ins, value));
    }

    private static void checkInterval(Instruction ins, String name, String value) {
        long nanos;
        try {
            nanos = GoDuration.nanos(value);
        } catch (IllegalArgumentException e) {
            throw syntax(ins, "HEALTHCHECK --" + name + "=" + value + ": " + e.getMessage());
        }
        if (nanos < GoDuration.MILLISECOND) {
            throw syntax(ins, "HEALTHCHECK --" + name + "=" + value + ": Interval \"" + name
                    + "\" cannot be less than 1ms");
        }
    }

    private static void checkRetries(Instruction ins, String value) {
        long retries;
        try {
            retries = Integer.parseInt(value.startsWith("+") ? value.substring(1) : value, 10);
        } catch (NumberFormatException e) {
            throw syntax(ins, "HEALTHCHECK --retries=" + value + " is not a whole number");
        }
        if (retries < 1) {
            throw syntax(ins, "HEALTHCHECK --retries must be at least 1 (not " + retries + ")");
        }
    }

    private static DockerfileException syntax(Instruction ins, String problem) {
        return new DockerfileException(ErrorCode.DOCKERFILE_SYNTAX, ins.line(), problem);
    }
}
