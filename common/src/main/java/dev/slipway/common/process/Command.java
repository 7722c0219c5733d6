package dev.slipway.common.process;

import dev.slipway.common.error.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One run of an external program (git, gpg, skopeo, rpm, docker...), described fluently and started with
 * {@link #run()} or {@link #check()}: an argument list (never a shell), a timeout that always fires and kills the
 * whole process tree, bounded captured output, and secret values that never appear in a message.
 */
public final class Command {
    // Package-private: ProcessRunner reads them; a Command is used by one caller and not shared.
    final List<String> arguments = new ArrayList<>();
    final Set<String> secrets = new LinkedHashSet<>();
    final Map<String, String> environment = new LinkedHashMap<>();
    Path directory;
    byte[] stdin = new byte[0];
    Path stdoutFile;
    Duration timeout = Duration.ofMinutes(5); // long enough for rpmbuild or docker import; quick tools set their own
    ErrorCode failureCode = ErrorCode.COMMAND_FAILED;
    int outputLimit = 4 * 1024 * 1024;

    private Command() {
    }

    /** The program and its arguments, passed as they are (no shell, no word splitting). */
    public static Command of(String... programAndArguments) {
        return of(List.of(programAndArguments));
    }

    /** The program and its arguments, passed as they are (no shell, no word splitting). */
    public static Command of(List<String> programAndArguments) {
        if (programAndArguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        return new Command().arg(programAndArguments.toArray(String[]::new));
    }

    /** Appends arguments. */
    public Command arg(String... more) {
        Arrays.stream(more).map(a -> Objects.requireNonNull(a, "argument")).forEach(arguments::add);
        return this;
    }

    /** Appends an argument (a passphrase, {@code user:password}) shown as {@code ***} in every message. */
    public Command secretArg(String value) {
        return secret(value).arg(value);
    }

    /** Marks a value as secret: wherever it appears (arguments, output quoted in messages) it shows as {@code ***}. */
    public Command secret(String value) {
        if (value != null && !value.isEmpty()) {
            secrets.add(value);
        }
        return this;
    }

    /** Runs the program in {@code dir} instead of the current directory. */
    public Command in(Path dir) {
        this.directory = dir;
        return this;
    }

    /** Adds a variable to the inherited environment. */
    public Command env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Adds variables to the inherited environment. */
    public Command env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Adds a variable whose value is a secret (see {@link #secret}). */
    public Command secretEnv(String name, String value) {
        return secret(value).env(name, value);
    }

    /** Bytes written to the program's standard input (by default it reads end of file at once). */
    public Command stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** Writes standard output to {@code file} in full instead of capturing it (for large output). */
    public Command stdoutTo(Path file) {
        this.stdoutFile = file;
        return this;
    }

    /** How long the program may run before its whole process tree is killed; 5 minutes unless set. */
    public Command timeout(Duration limit) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + limit);
        }
        this.timeout = limit;
        return this;
    }

    /** The error code of a start failure, a timeout or (with {@link #check()}) a non-zero exit. */
    public Command failingWith(ErrorCode code) {
        this.failureCode = Objects.requireNonNull(code, "code");
        return this;
    }

    /** Bytes kept of each captured stream; beyond it the middle is dropped and marked. */
    public Command outputLimit(int bytes) {
        this.outputLimit = bytes;
        return this;
    }

    /** Runs the program and returns how it ended, whatever its exit code. */
    public CommandResult run() {
        return new ProcessRunner(this).run();
    }

    /** Runs the program and returns how it ended; a non-zero exit is a failure quoting its standard error. */
    public CommandResult check() {
        return new ProcessRunner(this).check();
    }

    /** Runs the program, requires exit code 0 and returns its standard output. */
    public String output() {
        return check().stdout();
    }

    /** {@code text} with every secret value replaced by {@code ***}. */
    public String redact(String text) {
        return secrets.stream().reduce(text, (redacted, secret) -> redacted.replace(secret, "***"), (a, b) -> b);
    }

    /** The command line as a user would type it, secrets redacted: {@code `git ls-remote --tags -- url`}. */
    @Override
    public String toString() {
        return "`" + redact(String.join(" ", arguments)) + "`";
    }
}
