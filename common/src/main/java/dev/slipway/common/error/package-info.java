/**
 * Slipway's one error hierarchy: {@code SlipwayException} with a stable {@code ErrorCode} that the hub, workers,
 * hooks and clients all branch on.
 */
package dev.slipway.common.error;
