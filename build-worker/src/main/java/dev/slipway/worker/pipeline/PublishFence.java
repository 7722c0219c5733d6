package dev.slipway.worker.pipeline;

/**
 * The check a build makes just before it publishes (moves a tag that names a release): is this build still the
 * one its hub lease belongs to? A worker cut off from the hub may find, when it comes back, that its task was given
 * to another host; then it must publish nothing.
 */
public interface PublishFence {
    /** Nothing to check: a standalone build owns its result. */
    PublishFence NONE = () -> { };

    /** Returns when publishing may go on; throws a {@code SlipwayException} (the hub's refusal) otherwise. */
    void check();
}
