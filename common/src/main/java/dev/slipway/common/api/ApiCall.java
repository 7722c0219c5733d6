package dev.slipway.common.api;

/**
 * One exported call as {@code GET /api/v1/_listapi} lists it.
 *
 * @param access who may call it: anonymous, user, packager, releng, admin or host
 */
public record ApiCall(String name, String method, String path, String access, String description) {
}
