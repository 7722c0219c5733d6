/**
 * NVR release numbers: the {@code ReleaseSource} port (the next release by Koji's rules) with its registry-tag
 * adapter, and the {@code NvrReservations} port a daemon's build reserves its NVR through.
 */
package dev.slipway.worker.nvr;
