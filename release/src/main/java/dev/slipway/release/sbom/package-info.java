/**
 * Software bills of materials for every build: SPDX 2.3 and CycloneDX 1.5 JSON with canonical purls
 * ({@link dev.slipway.release.sbom.SbomGenerator} from an {@link dev.slipway.release.sbom.SbomInput}), and their
 * attachment to the image as OCI 1.1 referrers through the {@code sha256-<hex>} tag-schema fallback
 * ({@link dev.slipway.release.sbom.ReferrerAttacher}, {@link dev.slipway.release.sbom.ReferrersReader}).
 *
 * <p>Depends on {@code common} and {@code registry} only.
 */
package dev.slipway.release.sbom;
