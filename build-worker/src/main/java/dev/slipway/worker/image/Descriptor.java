package dev.slipway.worker.image;

import dev.slipway.common.image.Digest;

/**
 * An OCI content descriptor of a blob on disk.
 *
 * @param diffId for layers, the digest of the uncompressed tar (the config's rootfs.diff_ids entry); else null
 * @param uncompressedSize for layers, the size of the uncompressed tar; else the blob size
 */
public record Descriptor(String mediaType, Digest digest, long size, Digest diffId, long uncompressedSize) {
}
