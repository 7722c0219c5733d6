package dev.slipway.worker.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Independent actions run side by side (one per destination registry, so one slow or far registry does not make
 * the others wait; or the steps of {@link ConcurrentSteps}): the first on the calling thread, the others on the
 * pool. Results come back in index order; the first failure in index order is thrown and the other actions are
 * cancelled.
 */
final class SideBySide {
    /** What to do for the item at {@code index} (a registry of the request's list, a step of the recipe). */
    @FunctionalInterface
    interface Action<T> {
        T run(int index) throws Exception;
    }

    private SideBySide() {
    }

    static <T> List<T> run(ExecutorService pool, int count, Action<T> action) throws Exception {
        List<Future<T>> others = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int index = i;
            others.add(pool.submit(() -> action.run(index)));
        }
        List<T> results = new ArrayList<>();
        Exception first = null;
        try {
            if (count > 0) {
                results.add(action.run(0));
            }
        } catch (Exception e) {
            first = e;
        }
        for (Future<T> other : others) {
            try {
                if (first != null) {
                    other.cancel(true);
                }
                results.add(other.get());
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof Exception ex ? ex : new RuntimeException(e.getCause());
                }
            } catch (CancellationException e) {
                // Cancelled because an earlier action already failed.
            } catch (InterruptedException e) {
                others.forEach(f -> f.cancel(true));
                throw e;
            }
        }
        if (first != null) {
            throw first;
        }
        return results;
    }
}
