/**
 * Loopback registries for integration tests: a real distribution 2.8 registry in OPEN, BASIC or TOKEN mode
 * ({@link dev.slipway.testing.registry.TestRegistry}, shared per run by
 * {@link dev.slipway.testing.registry.TestRegistryExtension}), its token server, tiny test images and skopeo.
 */
package dev.slipway.testing.registry;
