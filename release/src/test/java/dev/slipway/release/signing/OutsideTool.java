package dev.slipway.release.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a tool Slipway did not write (skopeo, gpg, openssl, sha256sum) and keeps its exit code and output. */
public record OutsideTool(int exitCode, String stdout, String stderr) {

    /** Runs {@code command} in {@code dir} (null: current) with extra environment; a missing tool fails the test. */
    public static OutsideTool run(List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to run " + command.get(0) + " but could not start it", e);
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("Tried to run " + command + " but it did not finish in 2 minutes");
            }
            return new OutsideTool(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.get(0), e);
        }
    }

    public static OutsideTool run(List<String> command) {
        return run(command, null, Map.of());
    }

    /** Runs a bash script (with {@code set -euo pipefail}) with positional arguments. */
    public static OutsideTool bash(String script, Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", "-c", "set -euo pipefail; " + script,
                "script"));
        command.addAll(List.of(args));
        return run(command, dir, Map.of());
    }

    /** This result, or a failure showing what the tool printed. */
    public OutsideTool requireSuccess() {
        if (exitCode != 0) {
            throw new AssertionError("tool exited " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
        }
        return this;
    }

    public String output() {
        return stdout + stderr;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
