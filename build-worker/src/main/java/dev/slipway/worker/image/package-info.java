/**
 * Built images on disk: the {@code docker save} archive unpacked, the OCI image layout written from it, and the
 * layers a registry already holds.
 */
package dev.slipway.worker.image;
