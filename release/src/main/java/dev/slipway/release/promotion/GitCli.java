package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code git} in a checkout: pickaxe searches and {@code git verify-commit} (which JGit lacks) come
 * from the tool reviewers use themselves. {@code env} adds variables such as {@code GNUPGHOME}.
 */
final class GitCli {
    private static final long TIMEOUT_SECONDS = 120;
    private final Path checkout;
    private final Map<String, String> env;

    GitCli(Path checkout, Map<String, String> env) {
        this.checkout = checkout;
        this.env = Map.copyOf(env);
    }

    /** What git answered: exit status, standard output and standard error. */
    record Result(int exit, String stdout, String stderr) {
    }

    /** Runs {@code git args...}; any exit status is returned. */
    Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotepath=off"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            String out = read(process.getInputStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SlipwayException(ErrorCode.PROMOTION_GIT_FAILED,
                        "Tried to run git " + String.join(" ", args) + " in " + checkout + " but it hung");
            }
            return new Result(process.exitValue(), out, err.join());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_GIT_FAILED,
                    "Tried to run git in " + checkout + " but could not start it: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while running git in " + checkout, e);
        }
    }

    /** Runs git and returns its output, failing on a non-zero exit. */
    String output(String... args) {
        Result result = run(args);
        if (result.exit() != 0) {
            throw new SlipwayException(ErrorCode.PROMOTION_GIT_FAILED, "Tried to run git " + String.join(" ", args)
                    + " in " + checkout + " but it exited " + result.exit() + ": " + result.stderr().strip());
        }
        return result.stdout();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
