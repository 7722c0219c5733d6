package dev.slipway.release.policy;

import java.util.List;

/**
 * "All published binary artifacts must be accompanied by a manifest describing the versions of all components."
 * Only an image built FROM scratch whose target explicitly allows it may have none.
 */
final class PackageManifestRule implements PublishingRule {
    @Override
    public void check(PublishingFacts facts, List<Violation> out) {
        if (facts.scratchAllowed()) {
            return;
        }
        if (facts.packages() == null || !facts.packages().hasDatabase()) {
            out.add(new Violation(ViolationCode.PACKAGE_MANIFEST_MISSING,
                    "no package manifest was recorded (the image has no package database) and the target does not"
                            + " allow FROM scratch images"));
        } else if (facts.packages().packages().isEmpty()) {
            out.add(new Violation(ViolationCode.PACKAGE_MANIFEST_EMPTY, "the package manifest read from "
                    + facts.packages().database() + " lists no packages"));
        }
    }
}
