package dev.slipway.hub.http;

import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.build.BuildCompletion;
import dev.slipway.hub.build.BuildReservations;
import dev.slipway.hub.task.Scheduler;
import dev.slipway.hub.task.TaskLog;
import io.vertx.core.Future;
import java.util.Map;

/** The host API: what a worker daemon calls with its host token (see docs/api.md for the order). */
final class HostEndpoints {
    private static final int MAX_LINES = 10_000;
    private final Hosts hosts;
    private final Scheduler scheduler;
    private final LongPolls polls;
    private final TaskLog log;
    private final BuildReservations reservations;
    private final BuildCompletion completion;
    private final long maxWaitMs;

    HostEndpoints(Hosts hosts, Scheduler scheduler, LongPolls polls, TaskLog log, BuildReservations reservations,
            BuildCompletion completion, long maxWaitMs) {
        this.hosts = hosts;
        this.scheduler = scheduler;
        this.polls = polls;
        this.log = log;
        this.reservations = reservations;
        this.completion = completion;
        this.maxWaitMs = maxWaitMs;
    }

    Object register(Call c) {
        return hosts.register(c.principal().id(), c.body(HostProtocol.Update.class));
    }

    Future<?> claim(Call c) {
        HostProtocol.ClaimRequest r = c.bodyOr(HostProtocol.ClaimRequest.class, new HostProtocol.ClaimRequest(0));
        return polls.claim(c.principal().id(), wait(r.waitMs(), maxWaitMs)).map(c::reply);
    }

    Object open(Call c) {
        return scheduler.open(c.principal().id(), c.id("id"), epoch(c));
    }

    Future<?> heartbeat(Call c) {
        HostProtocol.Heartbeat hb = c.body(HostProtocol.Heartbeat.class);
        long cap = Math.min(maxWaitMs, scheduler.leaseSeconds() * 500L);
        return polls.heartbeat(c.principal().id(), hb, wait(hb.waitMs(), cap)).map(c::reply);
    }

    Object held(Call c) {
        c.query();
        return scheduler.held(c.principal().id());
    }

    Object release(Call c) {
        scheduler.release(c.principal().id(), c.id("id"), epoch(c));
        return Reply.noContent();
    }

    Object appendLog(Call c) {
        HostProtocol.LogLines lines = c.body(HostProtocol.LogLines.class);
        if (lines.lines().size() > MAX_LINES) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER,
                    "At most " + MAX_LINES + " lines per append");
        }
        return new HostProtocol.LogAppended(log.append(c.principal().id(), c.id("id"), epoch(c), lines.lines()));
    }

    Object nextRelease(Call c) {
        Query q = c.query("name", "version");
        return reservations.nextRelease(c.principal().id(), c.id("id"), epoch(c), q.text("name"), q.text("version"));
    }

    Object reserve(Call c) {
        return reservations.reserve(c.principal().id(), c.id("id"), epoch(c), c.body(HostProtocol.Reserve.class));
    }

    Object refund(Call c) {
        reservations.refund(c.principal().id(), c.id("id"), epoch(c), c.body(HostProtocol.Refund.class));
        return Reply.noContent();
    }

    Object close(Call c) {
        Long build = completion.close(c.principal().id(), c.id("id"), epoch(c), c.body(HostProtocol.Close.class));
        return build == null ? Map.of() : Map.of("build_id", build);
    }

    Object fail(Call c) {
        completion.fail(c.principal().id(), c.id("id"), epoch(c), c.body(HostProtocol.Fail.class));
        return Reply.noContent();
    }

    /** Before a publishing step: is this still the holder of the task's lease epoch (header required)? */
    Object fence(Call c) {
        Long epoch = epoch(c);
        if (epoch == null) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER,
                    "A fence check needs the " + HostProtocol.EPOCH_HEADER + " header");
        }
        return scheduler.fence(c.principal().id(), c.id("id"), epoch);
    }

    /** The caller's lease epoch from its header, or null when it sent none. */
    private static Long epoch(Call c) {
        String v = c.context().request().getHeader(HostProtocol.EPOCH_HEADER);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER,
                    HostProtocol.EPOCH_HEADER + " must be a number, not '" + v + "'");
        }
    }

    private static long wait(Integer requested, long cap) {
        if (requested == null || requested < 0) {
            return 0;
        }
        return Math.min(requested, cap);
    }
}
