package dev.slipway.worker.pipeline;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.engine.ImageEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.io.file.PathUtils;

/**
 * Runs one container build as a recipe of steps, in the order {@link BuildSteps} lists them, then always runs the
 * exit phase (clean-up of containers, images and the work directory) whatever happened before.
 */
public final class BuildPipeline {
    private final BuildSteps steps;
    private final ImageEngine engine;
    private final Path workRoot;
    private final Clock clock;

    public BuildPipeline(BuildSteps steps, ImageEngine engine, Path workRoot, Clock clock) {
        this.steps = steps;
        this.engine = engine;
        this.workRoot = workRoot;
        this.clock = clock;
    }

    /** Runs the build; never throws for a build failure, which is reported in the result instead. */
    public BuildResult run(BuildRequest request, Path logFile, Consumer<String> listener) {
        return run(request, logFile, listener, BuildHooks.NONE);
    }

    /** Runs the build with per-build release source and NVR reservation (the daemon's hub task). */
    public BuildResult run(BuildRequest request, Path logFile, Consumer<String> listener, BuildHooks hooks) {
        Path workDir = createWorkDir();
        try (BuildLog log = new BuildLog(logFile, listener, clock)) {
            PipelineRun state = new PipelineRun(request, clock.instant(), workDir, log, engine.info());
            log.line("Building " + request.source() + " for target " + request.target()
                    + (request.scratch() ? " (scratch)" : "") + " on " + state.engine.arch());
            BuildResult.Failure failure = null;
            BuildResult.Outcome outcome = BuildResult.Outcome.COMPLETE;
            for (BuildStep step : steps.forRequest(request, hooks)) {
                long t0 = System.nanoTime();
                try {
                    log.line("-- step " + step.name());
                    step.run(state);
                    state.timings.add(new BuildResult.StepTiming(step.name(), millisSince(t0), "ok"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    outcome = BuildResult.Outcome.CANCELED;
                    failure = BuildResult.Failure.of(new SlipwayException(ErrorCode.CANCELED,
                            "The build was canceled during " + step.name()), step.name());
                } catch (SlipwayException e) {
                    outcome = e.code() == ErrorCode.CANCELED ? BuildResult.Outcome.CANCELED : BuildResult.Outcome.FAILED;
                    failure = BuildResult.Failure.of(e, step.name());
                } catch (Exception e) {
                    outcome = BuildResult.Outcome.FAILED;
                    failure = BuildResult.Failure.of(new SlipwayException(ErrorCode.INTERNAL,
                            step.name() + " failed unexpectedly: " + e, e), step.name());
                }
                if (failure != null) {
                    state.timings.add(new BuildResult.StepTiming(step.name(), millisSince(t0), outcome.name()));
                    log.line("ERROR " + failure.name() + " (" + failure.code() + ") in " + step.name() + ": "
                            + failure.message());
                    break;
                }
            }
            state.outcome = outcome;
            long exit = System.nanoTime();
            runExitPhase(state);
            log.line("-- exit phase took " + millisSince(exit) + " ms");
            BuildResult result = BuildResults.of(state, outcome, failure, clock.instant());
            log.line("Build " + outcome + (state.nvr != null ? " " + state.nvr : ""));
            return result;
        } finally {
            deleteQuietly(workDir);
        }
    }

    private void runExitPhase(PipelineRun state) {
        boolean interrupted = Thread.interrupted();
        while (!state.cleanups().isEmpty()) {
            PipelineRun.Cleanup cleanup = state.cleanups().pop();
            try {
                cleanup.run();
            } catch (Exception e) {
                state.log.line("WARNING clean-up '" + cleanup + "' failed: " + e.getMessage());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Path createWorkDir() {
        try {
            Files.createDirectories(workRoot);
            return Files.createTempDirectory(workRoot, "slipway-build-");
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Tried to create a work directory under " + workRoot
                    + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            // A leftover temp directory is harmless; the build outcome stands.
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
