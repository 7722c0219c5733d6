package dev.slipway.worker.daemon;

import dev.slipway.worker.pipeline.PublishFence;

/**
 * A hub task's publish fence: asks the hub ({@code /host/tasks/{id}/fence}) whether this run's lease epoch is
 * still the task's and unexpired. Called from the build thread. An unreachable hub is a refusal too: a worker that
 * cannot prove it holds the lease does not publish.
 */
final class HubPublishFence implements PublishFence {
    private final HubClient hub;
    private final long taskId;
    private final long epoch;

    HubPublishFence(HubClient hub, long taskId, long epoch) {
        this.hub = hub;
        this.taskId = taskId;
        this.epoch = epoch;
    }

    @Override
    public void check() {
        Blocking.await(hub.fence(taskId, epoch), "confirm task " + taskId + "'s lease (epoch " + epoch
                + ") before publishing");
    }
}
