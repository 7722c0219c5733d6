/** Reading what the daemons expose to Prometheus, as strictly as Prometheus itself reads it. */
package dev.slipway.testing.metrics;
