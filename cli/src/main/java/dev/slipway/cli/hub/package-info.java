/** How the {@code slipway} command reaches the hub: its URL and the caller's token, for the shared hub client. */
package dev.slipway.cli.hub;
