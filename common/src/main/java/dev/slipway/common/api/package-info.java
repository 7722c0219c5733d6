/**
 * The hub's wire format: plain records that the hub serialises and that workers, the CLI and the console read
 * back with {@link dev.slipway.common.json.Json#mapper()} (snake_case keys, ISO-8601 times, unknown keys refused).
 */
package dev.slipway.common.api;
