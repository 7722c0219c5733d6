/**
 * A real RPM-based base image made from local material only (busybox, the host's rpm, fixture RPMs) and imported
 * into the local Docker Engine, since tests cannot pull any image.
 */
package dev.slipway.testing.image;
