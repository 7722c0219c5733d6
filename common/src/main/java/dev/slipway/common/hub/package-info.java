/**
 * The one blocking client of the hub's HTTP API ({@code /api/v1}), for the CLI, the dist-git hook and tests: typed
 * calls over the {@code common.api} records, a small low-level part, and one decoding of error answers into
 * {@link dev.slipway.common.error.SlipwayException}s with the hub's code. JDK and Jackson only.
 */
package dev.slipway.common.hub;
