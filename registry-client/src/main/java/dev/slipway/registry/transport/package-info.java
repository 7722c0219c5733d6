/**
 * The HTTP exchange with a registry: the endpoint contract, the one caller that owns retries, rate limiting,
 * redirects and error mapping, and parsers for the distribution API's headers (Link, Range, Retry-After).
 */
package dev.slipway.registry.transport;
