package dev.slipway.worker.pipeline;

import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Steps that only read what earlier steps made and write disjoint results, run side by side: the first on the
 * calling thread, the others on the pool. The composite fails with the first step's failure in recipe order.
 * Each step's own duration goes to the log ({@code -- step <name> took <ms> ms}), since the result's timing is the
 * composite's.
 */
final class ConcurrentSteps implements BuildStep {
    private final ExecutorService pool;
    private final List<BuildStep> steps;

    ConcurrentSteps(ExecutorService pool, BuildStep... steps) {
        this.pool = pool;
        this.steps = List.of(steps);
    }

    @Override
    public String name() {
        return String.join("+", steps.stream().map(BuildStep::name).toList());
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        SideBySide.run(pool, steps.size(), i -> {
            timed(steps.get(i), state);
            return null;
        });
    }

    /** Runs one step and logs its own duration ({@code -- step <name> took <ms> ms}). */
    static void timed(BuildStep step, PipelineRun state) throws Exception {
        long t0 = System.nanoTime();
        step.run(state);
        state.log.line("-- step " + step.name() + " took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
