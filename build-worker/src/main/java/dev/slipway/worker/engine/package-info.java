/**
 * The container engine port ({@code ImageEngine}) and its docker-java adapter, the only code that talks to the Docker
 * Engine; the adapter reads the image export and runs the image build ({@code BuildContextTar},
 * {@code BuildMessages}) through {@code EngineStreams}, a minimal HTTP/1.1 client on the JDK's unix socket channel.
 */
package dev.slipway.worker.engine;
