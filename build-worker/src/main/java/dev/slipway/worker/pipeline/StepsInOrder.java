package dev.slipway.worker.pipeline;

import java.util.List;

/**
 * Steps where each needs what the one before made, run one after another as a single member of
 * {@link ConcurrentSteps} (generate_sboms, then stage_sboms, beside push). Each step's own duration goes to the
 * log, as {@link ConcurrentSteps} writes it.
 */
final class StepsInOrder implements BuildStep {
    private final List<BuildStep> steps;

    StepsInOrder(BuildStep... steps) {
        this.steps = List.of(steps);
    }

    @Override
    public String name() {
        return String.join(">", steps.stream().map(BuildStep::name).toList());
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        for (BuildStep step : steps) {
            ConcurrentSteps.timed(step, state);
        }
    }
}
