/**
 * A client for the OCI distribution API (Docker Registry v2) used to check, read, push and mount images by digest.
 *
 * <p>Start at {@link dev.slipway.registry.RegistryClientFactory}: it builds one
 * {@link dev.slipway.registry.RegistryClient} per registry host. Every registry operation is a small package-private
 * endpoint class (e.g. {@code ManifestGetEndpoint}) run by the one generic caller in {@code transport}.
 * {@link dev.slipway.registry.ImageCopier} copies an image by digest between repositories or registries (indexes
 * with their children, mounts inside a registry, blobs streamed across registries).
 *
 * <p>Package dependencies (acyclic): {@code registry -> registry.auth -> registry.transport -> common};
 * {@code registry -> registry.transport}. {@code transport} knows nothing of auth schemes: it asks a
 * {@code RequestAuthorizer}, which {@code auth} implements.
 */
package dev.slipway.registry;
