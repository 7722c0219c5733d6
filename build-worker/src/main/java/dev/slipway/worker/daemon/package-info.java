/**
 * The worker daemon ({@code slipway-worker run}): Koji's kojid for Slipway. Claims hub tasks with a long-poll,
 * runs the build pipeline for each, streams logs, keeps leases with heartbeats, reports results.
 */
package dev.slipway.worker.daemon;
