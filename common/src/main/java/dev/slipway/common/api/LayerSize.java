package dev.slipway.common.api;

/** One image layer: its uncompressed diff id, its blob digest and sizes in bytes. */
public record LayerSize(String diffId, String digest, Long size, Long uncompressedSize) {
}
