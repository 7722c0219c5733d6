/**
 * Registry authentication: credentials (configuration or a Docker {@code config.json}), {@code WWW-Authenticate}
 * challenges, HTTP Basic and Docker Hub's Bearer token flow with a per-scope token cache. Secrets never reach
 * logs, messages or {@code toString()}.
 */
package dev.slipway.registry.auth;
