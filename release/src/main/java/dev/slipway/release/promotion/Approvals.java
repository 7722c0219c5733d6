package dev.slipway.release.promotion;

import dev.slipway.common.image.Digest;

/**
 * Finds the commit that approved a digest in an images file (the git port). Throws a {@code SlipwayException}
 * ({@code PROMOTION_NOT_APPROVED}, {@code PROMOTION_UNSIGNED_COMMIT}, {@code PROMOTION_GIT_FAILED}) when the
 * digest has no acceptable approval.
 */
@FunctionalInterface
public interface Approvals {

    Approval approvalOf(String imagesFile, Digest digest);
}
