/**
 * The build recipe: {@code BuildSteps} lists the steps in order, each step is a package-private class that reads and
 * adds to the {@code PipelineRun}, and {@code BuildPipeline} runs them and then always the exit phase.
 */
package dev.slipway.worker.pipeline;
