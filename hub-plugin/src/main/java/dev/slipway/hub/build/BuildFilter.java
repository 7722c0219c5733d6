package dev.slipway.hub.build;

import dev.slipway.common.api.BuildState;

/**
 * The filters of a build listing: package name, state, owner and target names, an NVR prefix (null means any),
 * and a page.
 */
public record BuildFilter(String packageName, BuildState state, String owner, String target, String nvrPrefix,
        int offset, int limit) {
    /** Any NVR. */
    public BuildFilter(String packageName, BuildState state, String owner, String target, int offset, int limit) {
        this(packageName, state, owner, target, null, offset, limit);
    }
}
