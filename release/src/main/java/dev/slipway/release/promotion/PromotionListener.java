package dev.slipway.release.promotion;

/**
 * Called after each edge was copied and verified in the destination (and its audit record written), e.g. to sign
 * the promoted digest under the production identity or to record it in the hub. A listener that throws marks the
 * edge failed in the report; the copy itself stays (promotion never deletes).
 */
@FunctionalInterface
public interface PromotionListener {

    void promoted(PromotionRecord record);
}
