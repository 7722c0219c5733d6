/**
 * Publishing promoted images: the OpenStack publishing rules checked on each image while a promotion is planned
 * ({@link dev.slipway.release.publish.PublishingGate}), and the production signatures, promotion statement and
 * mirror copies made after each verified edge ({@link dev.slipway.release.publish.PromotionSigner}). Depends on
 * {@code promotion}, {@code policy}, {@code sbom}, {@code signing} and {@code provenance}; nothing depends on it.
 */
package dev.slipway.release.publish;
