package dev.slipway.hooks;

import dev.slipway.hooks.HubSubmitter.Created;
import dev.slipway.hooks.HubSubmitter.Outcome;
import dev.slipway.hooks.HubSubmitter.Refused;
import dev.slipway.hooks.HubSubmitter.Retry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Submits spooled requests, each under its lock so two flushers (two hook runs, a hook run and the timer) never
 * send the same file at once: a created task removes the file, a refusal moves it to refused/ with the reason, and
 * anything else leaves it pending. The hub's idempotency key covers what a lock cannot: a submission whose answer
 * was lost is answered with the same task when it is sent again.
 */
final class Flusher {
    /** One submission's outcome. */
    record Result(BuildRequest request, Outcome outcome) {
    }

    private final Spool spool;
    private final HubSubmitter hub;

    Flusher(Spool spool, HubSubmitter hub) {
        this.spool = spool;
        this.hub = hub;
    }

    /**
     * Submits {@code files} in order, reporting each outcome; stops at the first request the hub did not answer at
     * all (down or hanging: the rest would wait the same way). Files another flusher holds are skipped.
     */
    void flush(List<Path> files, Consumer<Result> report) {
        for (Path f : files) {
            Optional<SpoolEntry> locked = spool.lock(f);
            if (locked.isEmpty()) {
                continue;
            }
            Outcome o;
            try (SpoolEntry e = locked.get()) {
                BuildRequest r = e.request();
                o = hub.submit(r);
                if (o instanceof Created) {
                    e.done();
                } else if (o instanceof Refused refused) {
                    e.refuse(refused.reason());
                }
                report.accept(new Result(r, o));
            }
            if (o instanceof Retry retry && !retry.hubAnswered()) {
                return;
            }
        }
    }
}
