package dev.slipway.hub.http;

import dev.slipway.common.api.HostProtocol;
import dev.slipway.hub.task.Scheduler;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.Optional;

/**
 * The host API's two long-polls. A claim answers as soon as a task this host can run is FREE: it is woken in
 * process on submit or free and re-checks every {@code recheckMs} for tasks freed by other hub processes. A
 * waiting heartbeat answers as soon as one of its tasks is canceled or lost.
 */
final class LongPolls {
    private final WorkerExecutor workers;
    private final Scheduler scheduler;
    private final Signals claims;
    private final Signals hosts;
    private final long recheckMs;

    LongPolls(WorkerExecutor workers, Scheduler scheduler, Signals claims, Signals hosts, long recheckMs) {
        this.workers = workers;
        this.scheduler = scheduler;
        this.claims = claims;
        this.hosts = hosts;
        this.recheckMs = recheckMs;
    }

    Future<HostProtocol.ClaimResponse> claim(long hostId, long waitMs) {
        return claimUntil(hostId, System.nanoTime() + waitMs * 1_000_000);
    }

    private Future<HostProtocol.ClaimResponse> claimUntil(long hostId, long deadline) {
        long seen = claims.generation(Signals.ANY);
        return workers.executeBlocking(() -> scheduler.claim(hostId), false).compose(got -> {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (got.isPresent() || left <= 0) {
                return Future.succeededFuture(new HostProtocol.ClaimResponse(got.orElse(null)));
            }
            return claims.await(Signals.ANY, seen, Math.min(left, recheckMs))
                    .compose(v -> claimUntil(hostId, deadline));
        });
    }

    /** Renews leases now, then (with a wait) holds the answer until a task needs attention or the wait ends. */
    Future<HostProtocol.HeartbeatResponse> heartbeat(long hostId, HostProtocol.Heartbeat hb, long waitMs) {
        long seen = hosts.generation(hostId);
        long deadline = System.nanoTime() + waitMs * 1_000_000;
        return workers.executeBlocking(() -> scheduler.heartbeat(hostId, hb.tasks(), hb.ready()), false)
                .compose(leases -> hold(hostId, hb.tasks(), leases, seen, deadline));
    }

    private Future<HostProtocol.HeartbeatResponse> hold(long hostId, List<Long> tasks,
            List<HostProtocol.Lease> leases, long seen, long deadline) {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        Optional<HostProtocol.Lease> attention = leases.stream()
                .filter(l -> l.action() != HostProtocol.Action.CONTINUE).findAny();
        if (attention.isPresent() || left <= 0 || tasks.isEmpty()) {
            return Future.succeededFuture(new HostProtocol.HeartbeatResponse(scheduler.leaseSeconds(), leases));
        }
        return hosts.await(hostId, seen, Math.min(left, recheckMs)).compose(v -> {
            long gen = hosts.generation(hostId);
            return workers.executeBlocking(() -> scheduler.peek(hostId, tasks), false)
                    .compose(next -> hold(hostId, tasks, next, gen, deadline));
        });
    }
}
