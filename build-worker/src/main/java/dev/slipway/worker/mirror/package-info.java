/**
 * The release mirror: one build exported atomically to {@code <name>/<version>-<release>/<arch>/} with a
 * {@code CHECKSUM} file.
 */
package dev.slipway.worker.mirror;
