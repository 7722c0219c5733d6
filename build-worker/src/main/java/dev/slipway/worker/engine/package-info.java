/**
 * The container engine port ({@code ImageEngine}) and its docker-java adapter, the only code that talks to the Docker
 * Engine.
 */
package dev.slipway.worker.engine;
