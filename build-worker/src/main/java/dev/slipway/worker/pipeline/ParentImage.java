package dev.slipway.worker.pipeline;

import dev.slipway.common.image.Digest;

/**
 * A parent (FROM) image: as written in the Dockerfile, and pinned to the manifest digest its registry served.
 *
 * @param written the reference text as the Dockerfile had it (after ARG substitution)
 * @param pinned what FROM was rewritten to, {@code registry/repo@sha256:...}
 * @param imageId the parent's config digest (Docker image id), or null when the parent is an index
 */
public record ParentImage(String written, String pinned, Digest digest, String mediaType, String imageId) {
}
