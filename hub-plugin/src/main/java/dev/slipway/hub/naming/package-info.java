/**
 * The hub's one rule for the names of packages, tags, targets, channels, hosts, users and groups (Koji-like), used
 * wherever such a name enters the hub: the admin catalog, build submission and the HTTP queries.
 */
package dev.slipway.hub.naming;
