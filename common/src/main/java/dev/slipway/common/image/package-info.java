/**
 * Validated value types for images and builds that every process shares: digests, image references, NVRs and
 * architecture names.
 */
package dev.slipway.common.image;
