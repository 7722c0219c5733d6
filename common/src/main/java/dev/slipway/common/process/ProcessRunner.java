package dev.slipway.common.process;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@link Command}: starts the process, feeds its standard input and drains its standard output and error
 * concurrently (so neither pipe fills up and blocks it), waits at most the command's timeout and then kills the
 * whole process tree.
 */
final class ProcessRunner {
    /** How long the output may stay open after the process exited: a daemon it started (gpg-agent) may hold it. */
    private static final long DRAIN_GRACE_MILLIS = 5_000;
    private static final int QUOTED_STDERR_CHARS = 2_000;
    private final Command command;

    ProcessRunner(Command command) {
        this.command = command;
    }

    CommandResult run() {
        long started = System.nanoTime();
        Process process = start();
        String name = command.arguments.get(0);
        CapturedOutput out = command.stdoutFile != null ? null
                : new CapturedOutput(process.getInputStream(), name + " stdout", command.outputLimit).start();
        CapturedOutput err = new CapturedOutput(process.getErrorStream(), name + " stderr", command.outputLimit)
                .start();
        feed(process, name);
        try {
            if (!process.waitFor(command.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ProcessTree.kill(process);
                err.awaitEnd(DRAIN_GRACE_MILLIS);
                SlipwayException killed = failure(command, "it did not finish within " + format(command.timeout)
                        + "; killed it", err.text(), null);
                throw new CommandTimeoutException(killed.code(), killed.getMessage());
            }
            if (out != null) {
                out.awaitEnd(DRAIN_GRACE_MILLIS);
            }
            err.awaitEnd(DRAIN_GRACE_MILLIS);
            return new CommandResult(process.exitValue(), out == null ? "" : command.redact(out.text()),
                    command.redact(err.text()), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            ProcessTree.kill(process);
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while running " + command + "; killed it", e);
        }
    }

    CommandResult check() {
        CommandResult result = run();
        if (!result.ok()) {
            throw failure(command, "it exited " + result.exitCode(), result.stderr(), null);
        }
        return result;
    }

    private Process start() {
        ProcessBuilder builder = new ProcessBuilder(command.arguments);
        if (command.directory != null) {
            builder.directory(command.directory.toFile());
        }
        if (command.stdoutFile != null) {
            builder.redirectOutput(command.stdoutFile.toFile());
        }
        builder.environment().putAll(command.environment);
        try {
            return builder.start();
        } catch (IOException e) {
            throw failure(command, "could not start it (" + e.getMessage() + ")", "", e);
        }
    }

    /** Writes the standard input on its own thread: a program may print a lot before it reads all of it. */
    private void feed(Process process, String name) {
        byte[] bytes = command.stdin;
        Thread feeder = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(bytes);
            } catch (IOException e) {
                // the program exited or closed its input before reading everything: its exit code tells
            }
        }, name + " stdin");
        feeder.setDaemon(true);
        feeder.start();
    }

    /** A failure of {@code command}: what was tried, what happened, the end of its standard error; secrets redacted. */
    private static SlipwayException failure(Command command, String what, String stderr, Throwable cause) {
        String quoted = stderr.strip();
        if (quoted.length() > QUOTED_STDERR_CHARS) {
            quoted = "..." + quoted.substring(quoted.length() - QUOTED_STDERR_CHARS);
        }
        String where = command.directory == null ? "" : " in " + command.directory;
        String message = "Tried " + command + where + " but " + what + (quoted.isEmpty() ? "" : ": " + quoted);
        return new SlipwayException(command.failureCode, command.redact(message), cause);
    }

    private static String format(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
