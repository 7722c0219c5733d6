package dev.slipway.cli.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One run of a tool Slipway did not write (skopeo, gpg, git, openssl, sha256sum, bin/slipway): exit code and output. */
record Tool(int exit, String out, String err) {

    static Tool run(List<String> command, Path dir, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Tried to run " + command + " but it did not finish in 5 minutes");
            }
            return new Tool(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Tried to run " + command.get(0) + " but could not start it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + command, e);
        }
    }

    /** {@code bash -c script args...} with {@code set -euo pipefail}. */
    static Tool bash(String script, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; " + script, "script"));
        command.addAll(List.of(args));
        return run(command, null, env);
    }

    Tool ok() {
        if (exit != 0) {
            throw new AssertionError("tool exited " + exit + "\nstdout: " + out + "\nstderr: " + err);
        }
        return this;
    }

    String output() {
        return out + err;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
