package dev.slipway.worker.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SideBySideTest {
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void run_registriesProceedSideBySide_resultsInRegistryOrder() throws Exception {
        // Each push waits until every other one has started: only a side-by-side run gets through.
        CountDownLatch allStarted = new CountDownLatch(3);
        List<String> results = SideBySide.run(pool, 3, i -> {
            allStarted.countDown();
            if (!allStarted.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("registry " + i + " waited for the others in vain");
            }
            Thread.sleep(10L * (3 - i)); // the last registry finishes first
            return "registry-" + i;
        });
        assertEquals(List.of("registry-0", "registry-1", "registry-2"), results);
    }

    @Test
    void run_failures_firstInRegistryOrderWins_andTheOthersAreCancelled() throws Exception {
        CountDownLatch secondFailed = new CountDownLatch(1);
        CountDownLatch thirdStarted = new CountDownLatch(1);
        CountDownLatch thirdInterrupted = new CountDownLatch(1);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> SideBySide.run(pool, 3, i -> {
            switch (i) {
                case 0 -> {
                    secondFailed.await(20, TimeUnit.SECONDS);
                    thirdStarted.await(20, TimeUnit.SECONDS);
                    throw new IllegalStateException("registry 0 refused");
                }
                case 1 -> {
                    secondFailed.countDown();
                    throw new IllegalStateException("registry 1 refused");
                }
                default -> {
                    thirdStarted.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        thirdInterrupted.countDown();
                        throw e;
                    }
                    return "too late";
                }
            }
        }));
        assertEquals("registry 0 refused", thrown.getMessage());
        assertTrue(thirdInterrupted.await(20, TimeUnit.SECONDS), "the third push was not cancelled");
    }

    @Test
    void run_oneRegistry_runsOnTheCallingThread() throws Exception {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(true), SideBySide.run(pool, 1, i -> Thread.currentThread() == caller));
    }
}
