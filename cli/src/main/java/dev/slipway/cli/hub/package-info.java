/** How the {@code slipway} command reaches the hub: its URL, the caller's token and the JSON API client. */
package dev.slipway.cli.hub;
