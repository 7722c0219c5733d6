package dev.slipway.worker.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
        List<Future<Void>> others = new ArrayList<>();
        for (BuildStep step : steps.subList(1, steps.size())) {
            others.add(pool.submit(() -> {
                timed(step, state);
                return null;
            }));
        }
        Exception first = null;
        try {
            timed(steps.get(0), state);
        } catch (Exception e) {
            first = e;
        }
        for (Future<Void> other : others) {
            try {
                if (first != null) {
                    other.cancel(true);
                }
                other.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                }
            } catch (CancellationException e) {
                // Cancelled because an earlier step already failed.
            } catch (InterruptedException e) {
                others.forEach(f -> f.cancel(true));
                throw e;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private static void timed(BuildStep step, PipelineRun state) throws Exception {
        long t0 = System.nanoTime();
        step.run(state);
        state.log.line("-- step " + step.name() + " took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
