/**
 * The OpenStack rules for publishing binary artifacts (2017-05-30 governance resolution), enforced on release builds
 * and on promotion: {@link dev.slipway.release.policy.PublishingPolicy} checks a
 * {@link dev.slipway.release.policy.PublishingFacts} record and reports every
 * {@link dev.slipway.release.policy.Violation} with a stable {@link dev.slipway.release.policy.ViolationCode}.
 * Git is reached through the {@link dev.slipway.release.policy.SourceVerifier} port; the real implementation runs the
 * git command ({@code git verify-tag} with a configured GNUPGHOME).
 *
 * <p>Depends on {@code common} only.
 */
package dev.slipway.release.policy;
