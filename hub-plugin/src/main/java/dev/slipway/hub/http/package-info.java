/**
 * The hub's HTTP API on Vert.x: one route table in {@code HubVerticle}, endpoints that call the services off the
 * event loop, long-polls, and the one mapping of failures to HTTP answers.
 */
package dev.slipway.hub.http;
