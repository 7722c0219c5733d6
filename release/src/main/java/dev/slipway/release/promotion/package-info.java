/**
 * Promotion of images from a staging registry to production registries by digest, as a reviewed git repository of
 * thin manifests says (Kubernetes' image promoter, KEP-1734).
 *
 * <p>Start at {@link dev.slipway.release.promotion.Promoter#run}. The run reads like a recipe: {@code
 * ThinManifestReader} (strict parsing, every problem with its code and {@code file:line}), {@code EdgeBuilder},
 * {@code OverlapCheck} (no request), {@code EdgeCheck} per edge (HEADs only; tag moves refuse the plan, LOST and
 * child-of-index digests are skipped and reported), {@link dev.slipway.release.promotion.Approvals} (the commit
 * that added the digest, {@code git verify-commit} when a keyring is given), then, with {@code confirm} only,
 * {@code EdgePromoter} (copy by digest, verify with HEADs), {@link dev.slipway.release.promotion.AuditLog} and the
 * {@link dev.slipway.release.promotion.PromotionListener}s (where signing plugs in).
 *
 * <p>Dependencies: {@code release.promotion -> registry (RegistryClient, ImageCopier) -> common}; git and gpg are
 * run as the real tools; registries are reached only through {@link
 * dev.slipway.release.promotion.RegistryInventory} (planning) and the registry client (copying).
 */
package dev.slipway.release.promotion;
