package dev.slipway.release.policy;

/** When the rules are checked: after a release build, or when a build is promoted (published). */
public enum PublishingStage {
    BUILD,
    PROMOTION
}
