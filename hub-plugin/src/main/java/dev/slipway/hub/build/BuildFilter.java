package dev.slipway.hub.build;

import dev.slipway.common.api.BuildState;

/** The filters of a build listing: package name, state, owner and target names (null means any), and a page. */
public record BuildFilter(String packageName, BuildState state, String owner, String target, int offset, int limit) {
}
