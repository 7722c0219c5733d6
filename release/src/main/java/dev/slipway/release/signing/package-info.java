/**
 * Signing images under their production identity, in the two formats outside tools verify.
 *
 * <ul>
 *   <li>GPG "simple signing" (containers-signature): {@link dev.slipway.release.signing.SimpleSigningPayload}
 *       signed into an OpenPGP signed message by {@link dev.slipway.release.signing.GpgSimpleSigner}, checked by
 *       {@link dev.slipway.release.signing.GpgSimpleVerifier}, stored by
 *       {@link dev.slipway.release.signing.LookasideStore} in the containers/image lookaside layout and served
 *       read-only over HTTP by {@link dev.slipway.release.signing.LookasideHttpHandler}.</li>
 *   <li>Cosign format: {@link dev.slipway.release.signing.CosignPayload} signed with an ECDSA P-256
 *       {@link dev.slipway.release.signing.EcSigningKey} and pushed as the {@code sha256-<hex>.sig} tag by
 *       {@link dev.slipway.release.signing.CosignSignaturePublisher}; read back and checked by
 *       {@link dev.slipway.release.signing.CosignSignatureVerifier}.</li>
 *   <li>{@link dev.slipway.release.signing.MirrorSignatureWriter} copies both into a mirror directory and keeps its
 *       {@code CHECKSUM} true.</li>
 * </ul>
 *
 * <p>Package dependencies: {@code release.signing -> registry, common}. {@code release.provenance} uses this
 * package's {@link dev.slipway.release.signing.EcSigningKey}; nothing here depends on provenance.
 *
 * @see <a href="https://github.com/containers/image/blob/main/docs/containers-signature.5.md">containers-signature</a>
 * @see <a href="https://github.com/containers/image/blob/main/docs/signature-protocols.md">lookaside layout</a>
 * @see <a href="https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md">cosign signature spec</a>
 */
package dev.slipway.release.signing;
