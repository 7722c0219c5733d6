/**
 * How a {@code slipway} verb reaches the hub and how it ends: the config file, environment and flags
 * ({@link dev.slipway.cli.hub.HubOptions}), the exit statuses ({@link dev.slipway.cli.hub.ExitStatus}), console
 * links and {@code --json} output.
 */
package dev.slipway.cli.hub;
