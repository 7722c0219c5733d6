package dev.slipway.common.api;

/**
 * The {@code buildContainer(src, target, opts)} call.
 *
 * @param src {@code <git url>#<40-hex commit>}
 * @param priority absolute task priority (lower runs first); below the hub's default only for admins
 */
public record BuildContainerRequest(String src, String target, BuildOpts opts, Integer priority) {
}
