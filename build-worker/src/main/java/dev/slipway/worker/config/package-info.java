/**
 * The worker's configuration: records read once from one strict YAML file and passed down through constructors.
 */
package dev.slipway.worker.config;
