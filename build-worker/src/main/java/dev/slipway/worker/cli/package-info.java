/**
 * The {@code slipway-worker} command line (picocli): {@code build} runs one build standalone, {@code run} starts the
 * hub worker daemon.
 */
package dev.slipway.worker.cli;
