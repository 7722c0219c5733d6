package dev.slipway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Slipway main class run as its own JVM on the test classpath, its output in a log file. */
final class JavaProcess {
    private final String name;
    private final List<String> command;
    private final Path log;
    private final Map<String, String> env;
    private Process process;

    JavaProcess(String name, String mainClass, List<String> args, Path log, Map<String, String> env) {
        this(name, List.of(), mainClass, args, log, env);
    }

    /** A process with extra JVM options (system properties) before the main class. */
    JavaProcess(String name, List<String> jvmOptions, String mainClass, List<String> args, Path log,
            Map<String, String> env) {
        this(name, List.of(), jvmOptions, mainClass, args, log, env);
    }

    /**
     * A JVM started through {@code prefix} (e.g. {@code ip netns exec NS}, which execs the JVM, so this process
     * is the JVM itself and killing it kills the JVM), with extra JVM options before the main class.
     */
    JavaProcess(String name, List<String> prefix, List<String> jvmOptions, String mainClass, List<String> args,
            Path log,
            Map<String, String> env) {
        this.name = name;
        this.log = log;
        this.env = env;
        this.command = new ArrayList<>(prefix);
        this.command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        this.command.addAll(jvmOptions);
        this.command.add(mainClass);
        this.command.addAll(args);
    }

    JavaProcess start() {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            process = pb.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Runs to completion with standard input from a file; returns the output. */
    String startWithInput(Path input) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(input.toFile()).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().putAll(env);
            process = pb.start();
            if (!waitFor(60) || process.exitValue() != 0) {
                throw new AssertionError(name + " did not exit 0: " + output());
            }
            return output();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook runs, as when a machine dies. */
    void kill9() {
        process.destroyForcibly();
        waitFor(30);
    }

    /** SIGTERM: the graceful shutdown path. Returns the exit status. */
    int terminate() {
        if (process == null || !process.isAlive()) {
            return process == null ? -1 : process.exitValue();
        }
        process.destroy();
        if (!waitFor(120)) {
            process.destroyForcibly();
            waitFor(30);
        }
        return process.exitValue();
    }

    /** The process id (of the JVM itself, also when started through {@code ip netns exec}). */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    String output() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean waitFor(int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
