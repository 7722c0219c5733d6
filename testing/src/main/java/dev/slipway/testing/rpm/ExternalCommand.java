package dev.slipway.testing.rpm;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external tool (rpmbuild, rpmsign, gpg, rpm, docker...) for a fixture and returns its standard output;
 * a non-zero exit or a timeout fails with the tool's standard error in the message, since a fixture that cannot
 * build must fail the test rather than skip it.
 */
public final class ExternalCommand {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private ExternalCommand() {
    }

    /** Runs {@code command} in the current directory with the inherited environment. */
    public static String run(List<String> command) {
        return run(command, null, Map.of(), DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command}.
     *
     * @param workDir the working directory, or null for the current one
     * @param environment variables added to the inherited environment
     */
    public static String run(List<String> command, Path workDir, Map<String, String> environment, Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("slipway-cmd-", ".out");
            stderr = Files.createTempFile("slipway-cmd-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw failure(command, "did not finish within " + timeout.toSeconds() + " s", stderr);
            }
            if (process.exitValue() != 0) {
                throw failure(command, "exited " + process.exitValue(), stderr);
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.INTERNAL, "Tried to run " + command + " but " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static SlipwayException failure(List<String> command, String what, Path stderr) throws IOException {
        String err = Files.readString(stderr, StandardCharsets.UTF_8).strip();
        if (err.length() > 2000) {
            err = "..." + err.substring(err.length() - 2000);
        }
        return new SlipwayException(ErrorCode.INTERNAL, "Tried to run " + String.join(" ", command) + " but it "
                + what + (err.isEmpty() ? "" : ":\n" + err));
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
