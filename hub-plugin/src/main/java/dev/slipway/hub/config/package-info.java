/**
 * The hub's configuration: one strict YAML file read once into records passed down through constructors.
 */
package dev.slipway.hub.config;
