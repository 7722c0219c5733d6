package dev.slipway.release.publish;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.release.policy.ViolationCode;

/** The stable error code a broken publishing rule refuses a promotion plan with (11901-11919, one per rule). */
final class RuleCodes {
    private RuleCodes() {
    }

    static ErrorCode of(ViolationCode code) {
        return switch (code) {
            case NAME_MISSING -> ErrorCode.PROMOTION_RULE_NAME_MISSING;
            case VERSION_MISSING -> ErrorCode.PROMOTION_RULE_VERSION_MISSING;
            case ARCHITECTURE_MISSING -> ErrorCode.PROMOTION_RULE_ARCHITECTURE_MISSING;
            case PACKAGE_MANIFEST_MISSING -> ErrorCode.PROMOTION_RULE_PACKAGE_MANIFEST_MISSING;
            case PACKAGE_MANIFEST_EMPTY -> ErrorCode.PROMOTION_RULE_PACKAGE_MANIFEST_EMPTY;
            case BUILD_DATE_MISSING -> ErrorCode.PROMOTION_RULE_BUILD_DATE_MISSING;
            case PUBLISH_DATE_MISSING -> ErrorCode.PROMOTION_RULE_PUBLISH_DATE_MISSING;
            case PUBLISH_BEFORE_BUILD -> ErrorCode.PROMOTION_RULE_PUBLISH_BEFORE_BUILD;
            case SOURCE_NOT_RECORDED -> ErrorCode.PROMOTION_RULE_SOURCE_NOT_RECORDED;
            case SOURCE_UNREACHABLE -> ErrorCode.PROMOTION_RULE_SOURCE_UNREACHABLE;
            case SOURCE_TAG_MISSING -> ErrorCode.PROMOTION_RULE_SOURCE_TAG_MISSING;
            case SOURCE_TAG_NOT_FOUND -> ErrorCode.PROMOTION_RULE_SOURCE_TAG_NOT_FOUND;
            case SOURCE_TAG_UNVERIFIED -> ErrorCode.PROMOTION_RULE_SOURCE_TAG_UNVERIFIED;
            case SOURCE_TAG_COMMIT_MISMATCH -> ErrorCode.PROMOTION_RULE_SOURCE_TAG_COMMIT_MISMATCH;
            case VENDOR_MISSING -> ErrorCode.PROMOTION_RULE_VENDOR_MISSING;
            case VENDOR_IS_COMMUNITY -> ErrorCode.PROMOTION_RULE_VENDOR_IS_COMMUNITY;
            case BUG_TRACKER_MISSING -> ErrorCode.PROMOTION_RULE_BUG_TRACKER_MISSING;
            case BUG_TRACKER_INVALID -> ErrorCode.PROMOTION_RULE_BUG_TRACKER_INVALID;
            case SUPPORT_DISCLAIMER_MISSING -> ErrorCode.PROMOTION_RULE_SUPPORT_DISCLAIMER_MISSING;
        };
    }
}
