/**
 * The hub's administration services: users, groups, tokens, build hosts, channels, targets, tags and their package
 * lists, each method one transaction.
 */
package dev.slipway.hub.admin;
