/**
 * The hub's Prometheus metrics: the queue by task state, task durations, submissions and claims.
 */
package dev.slipway.hub.metrics;
