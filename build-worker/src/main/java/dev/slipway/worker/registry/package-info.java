/**
 * The registries port ({@code ImageRegistries}): resolving parents, pushing the OCI layout's exact bytes and attaching
 * SBOM referrers, over Slipway's registry-client.
 */
package dev.slipway.worker.registry;
