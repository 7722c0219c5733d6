/** The build worker: the container build pipeline and the slipway-worker command. */
package dev.slipway.worker;
