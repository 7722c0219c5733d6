package dev.slipway.worker.daemon;

import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Nvr;
import dev.slipway.worker.nvr.NvrReservations;
import dev.slipway.worker.nvr.ReleaseSource;

/**
 * One hub task's release numbers: Koji's getNextRelease through {@code /host/tasks/{id}/nextRelease}, and the NVR
 * reservation and refund (CGInitBuild, CGRefundBuild). Called from the build thread, so it may block.
 */
final class HubReleaseSource implements ReleaseSource, NvrReservations {
    private final HubClient hub;
    private final long taskId;
    private final long epoch;

    HubReleaseSource(HubClient hub, long taskId, long epoch) {
        this.hub = hub;
        this.taskId = taskId;
        this.epoch = epoch;
    }

    @Override
    public String nextRelease(Query query) {
        return Blocking.await(hub.nextRelease(taskId, epoch, query.component(), query.version()),
                "compute the next release of " + query.component() + "-" + query.version()).release();
    }

    @Override
    public Reservation reserve(Nvr nvr) {
        HostProtocol.Reservation r = Blocking.await(hub.reserve(taskId, epoch,
                new HostProtocol.Reserve(nvr.name(), nvr.version(), nvr.release())), "reserve " + nvr);
        return new Reservation(nvr, r.buildId());
    }

    @Override
    public void refund(Reservation reservation, boolean canceled) {
        try {
            Blocking.await(hub.refund(taskId, epoch, new HostProtocol.Refund(reservation.buildId(),
                    canceled ? BuildState.CANCELED : BuildState.FAILED)), "refund " + reservation.nvr());
        } catch (SlipwayException e) {
            // A task the hub canceled or took back already had its build record ended by the hub.
            if (e.code() != ErrorCode.TASK_STATE_CONFLICT && e.code() != ErrorCode.TASK_NOT_HELD
                    && e.code() != ErrorCode.LEASE_EPOCH_STALE) {
                throw e;
            }
        }
    }
}
