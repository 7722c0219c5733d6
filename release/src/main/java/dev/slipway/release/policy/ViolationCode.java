package dev.slipway.release.policy;

/**
 * The stable codes of publishing-rule violations; clients branch on them, so a constant's name never changes. Each
 * names the guideline of the OpenStack resolution it enforces.
 */
public enum ViolationCode {
    NAME_MISSING("the name of the principal component must be in the metadata"),
    VERSION_MISSING("the version of the principal component must be in the metadata"),
    ARCHITECTURE_MISSING("the architecture the artifact is built for must be in the metadata"),
    PACKAGE_MANIFEST_MISSING("a manifest of all components must accompany the artifact"),
    PACKAGE_MANIFEST_EMPTY("the component manifest must list the packages (empty only for allowed FROM scratch)"),
    BUILD_DATE_MISSING("the build date must be recorded"),
    PUBLISH_DATE_MISSING("the publish date must be recorded at promotion"),
    PUBLISH_BEFORE_BUILD("the publish date cannot be earlier than the build date"),
    SOURCE_NOT_RECORDED("the source repository and full commit id must be recorded"),
    SOURCE_UNREACHABLE("the build inputs must be published: the commit must exist in the recorded repository"),
    SOURCE_TAG_MISSING("the target requires building from a signed git tag"),
    SOURCE_TAG_NOT_FOUND("the recorded tag must exist in the recorded repository"),
    SOURCE_TAG_UNVERIFIED("the tag must carry a signature that verifies against the configured keyring"),
    SOURCE_TAG_COMMIT_MISMATCH("the signed tag must point at the commit that was built"),
    VENDOR_MISSING("the vendor must name the team that produces the artifact"),
    VENDOR_IS_COMMUNITY("the vendor must be a team name, never \"the community\""),
    BUG_TRACKER_MISSING("a bug-tracker URL must say where to seek help"),
    BUG_TRACKER_INVALID("the bug-tracker URL must be an absolute http or https URL"),
    SUPPORT_DISCLAIMER_MISSING("a support disclaimer must state the limits of support");

    private final String rule;

    ViolationCode(String rule) {
        this.rule = rule;
    }

    /** The rule this code enforces, in one sentence. */
    public String rule() {
        return rule;
    }
}
