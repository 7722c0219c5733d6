package dev.slipway.release.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The rule corpus: a compliant build passes, and each rule broken alone gives exactly its code. */
class PublishingPolicyTest {
    private static final String REPO = "https://git.example.org/nova.git";
    private static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER_COMMIT = "89abcdef0123456789abcdef0123456789abcdef";
    private static final Instant BUILT = Instant.parse("2026-11-20T08:00:00Z");
    private static final PackageManifest PACKAGES = new PackageManifest(PackageType.RPM, "/usr/lib/sysimage/rpm",
            List.of(new InstalledPackage(PackageType.RPM, "bash", null, "5.2", "1.fc40", "x86_64", 1, null, null,
                    "GPL-3.0-or-later", "Fedora Project", null, null, null)));

    /** Knows one published commit and a few tags, like a git server would. */
    private final SourceVerifier verifier = new SourceVerifier() {
        @Override
        public Optional<String> commitProblem(String repository, String commit) {
            return REPO.equals(repository) && (COMMIT.equals(commit) || OTHER_COMMIT.equals(commit))
                    ? Optional.empty() : Optional.of("not our ref " + commit);
        }

        @Override
        public TagVerification verifyTag(String repository, String tag) {
            return switch (tag) {
                case "16.0.0" -> new TagVerification(TagVerification.Status.VERIFIED, COMMIT, "Good signature");
                case "16.0.0-unsigned" -> new TagVerification(TagVerification.Status.UNVERIFIED, COMMIT,
                        "error: no signature found");
                case "15.0.0" -> new TagVerification(TagVerification.Status.VERIFIED, OTHER_COMMIT, "Good signature");
                default -> new TagVerification(TagVerification.Status.NOT_FOUND, null, "couldn't find remote ref");
            };
        }
    };
    private final PublishingPolicy policy = new PublishingPolicy(verifier);

    private static PublishingFacts compliant() {
        return new PublishingFacts(PublishingStage.PROMOTION, "team/nova-conductor", "16.0.0", "amd64", PACKAGES,
                false, BUILT, BUILT.plusSeconds(3600), new SourceFacts(REPO, COMMIT, "16.0.0"), true,
                "Nova Container Team", "https://bugs.example.org/nova", "Provided as is by the Nova team.");
    }

    /** Rebuilds the compliant facts with one field changed. */
    private static PublishingFacts with(UnaryOperator<Builder> change) {
        return change.apply(new Builder(compliant())).build();
    }

    @Test
    void check_compliantBuild_passes() {
        assertTrue(policy.check(compliant()).passed(), policy.check(compliant()).violations().toString());
    }

    @Test
    void check_eachRuleBrokenAlone_givesExactlyItsCode() {
        Map<ViolationCode, PublishingFacts> corpus = new LinkedHashMap<>();
        corpus.put(ViolationCode.NAME_MISSING, with(b -> b.name(" ")));
        corpus.put(ViolationCode.VERSION_MISSING, with(b -> b.version(null)));
        corpus.put(ViolationCode.ARCHITECTURE_MISSING, with(b -> b.architecture("")));
        corpus.put(ViolationCode.PACKAGE_MANIFEST_MISSING, with(b -> b.packages(PackageManifest.none())));
        corpus.put(ViolationCode.PACKAGE_MANIFEST_EMPTY, with(b -> b.packages(
                new PackageManifest(PackageType.RPM, "/var/lib/rpm", List.of()))));
        corpus.put(ViolationCode.BUILD_DATE_MISSING, with(b -> b.buildDate(null).publishDate(null)
                .stage(PublishingStage.BUILD)));
        corpus.put(ViolationCode.PUBLISH_DATE_MISSING, with(b -> b.publishDate(null)));
        corpus.put(ViolationCode.PUBLISH_BEFORE_BUILD, with(b -> b.publishDate(BUILT.minusSeconds(1))));
        corpus.put(ViolationCode.SOURCE_NOT_RECORDED, with(b -> b.source(new SourceFacts(REPO, null, "16.0.0"))));
        corpus.put(ViolationCode.SOURCE_UNREACHABLE, with(b -> b.signedTagRequired(false)
                .source(new SourceFacts("https://git.example.org/gone.git", COMMIT, null))));
        corpus.put(ViolationCode.SOURCE_TAG_MISSING, with(b -> b.source(new SourceFacts(REPO, COMMIT, null))));
        corpus.put(ViolationCode.SOURCE_TAG_NOT_FOUND, with(b -> b.source(new SourceFacts(REPO, COMMIT, "9.9.9"))));
        corpus.put(ViolationCode.SOURCE_TAG_UNVERIFIED, with(b -> b.source(
                new SourceFacts(REPO, COMMIT, "16.0.0-unsigned"))));
        corpus.put(ViolationCode.SOURCE_TAG_COMMIT_MISMATCH, with(b -> b.source(
                new SourceFacts(REPO, COMMIT, "15.0.0"))));
        corpus.put(ViolationCode.VENDOR_MISSING, with(b -> b.vendor(null)));
        corpus.put(ViolationCode.VENDOR_IS_COMMUNITY, with(b -> b.vendor("The OpenStack Community")));
        corpus.put(ViolationCode.BUG_TRACKER_MISSING, with(b -> b.bugTrackerUrl("")));
        corpus.put(ViolationCode.BUG_TRACKER_INVALID, with(b -> b.bugTrackerUrl("ftp://bugs.example.org/nova")));
        corpus.put(ViolationCode.SUPPORT_DISCLAIMER_MISSING, with(b -> b.supportDisclaimer(null)));

        assertEquals(EnumSet.allOf(ViolationCode.class), corpus.keySet(), "the corpus covers every code");
        corpus.forEach((code, facts) -> {
            PolicyReport report = policy.check(facts);
            assertEquals(Set.of(code), report.codes(), code + " alone: " + report.violations());
            assertEquals(1, report.violations().size(), report.violations().toString());
        });
    }

    @Test
    void check_communityVendorVariants_allRejected() {
        for (String vendor : List.of("the community", "The Community", "OpenStack community", "community",
                "  COMMUNITY ", "openstack-community", "Kolla Community Team", "the OpenStack communities")) {
            assertEquals(Set.of(ViolationCode.VENDOR_IS_COMMUNITY), policy.check(with(b -> b.vendor(vendor))).codes(),
                    vendor);
        }
        for (String vendor : List.of("OpenStack Kolla Team", "Communityware Inc", "Nova Container Team")) {
            assertTrue(policy.check(with(b -> b.vendor(vendor))).passed(), vendor);
        }
    }

    @Test
    void check_scratchAllowed_acceptsNoPackageManifest() {
        assertTrue(policy.check(with(b -> b.packages(PackageManifest.none()).scratchAllowed(true))).passed());
    }

    @Test
    void check_buildStage_needsNoPublishDate() {
        assertTrue(policy.check(with(b -> b.stage(PublishingStage.BUILD).publishDate(null))).passed());
    }

    @Test
    void check_tagNotRequired_doesNotLookAtTheTag() {
        assertTrue(policy.check(with(b -> b.signedTagRequired(false)
                .source(new SourceFacts(REPO, COMMIT, "16.0.0-unsigned")))).passed());
    }

    @Test
    void enforce_severalViolations_throwsWithEveryOneListed() {
        PublishingFacts facts = with(b -> b.vendor("the community").bugTrackerUrl(null).name(null));

        PolicyViolationException e = assertThrows(PolicyViolationException.class, () -> policy.enforce(facts));

        assertEquals(ErrorCode.POLICY_VIOLATED, e.code());
        assertEquals(EnumSet.of(ViolationCode.NAME_MISSING, ViolationCode.VENDOR_IS_COMMUNITY,
                ViolationCode.BUG_TRACKER_MISSING), e.report().codes());
        assertTrue(e.getMessage().startsWith("Tried to publish <no name>-16.0.0 but 3 publishing rule(s) failed:"),
                e.getMessage());
        assertTrue(e.getMessage().contains("VENDOR_IS_COMMUNITY: vendor 'the community' names a community"),
                e.getMessage());
    }

    @Test
    void enforce_compliantBuild_returnsPassingReport() {
        assertTrue(policy.enforce(compliant()).passed());
    }

    /** A mutable copy of the facts for the corpus. */
    private static final class Builder {
        private PublishingStage stage;
        private String name;
        private String version;
        private String architecture;
        private PackageManifest packages;
        private boolean scratchAllowed;
        private Instant buildDate;
        private Instant publishDate;
        private SourceFacts source;
        private boolean signedTagRequired;
        private String vendor;
        private String bugTrackerUrl;
        private String supportDisclaimer;

        Builder(PublishingFacts f) {
            stage = f.stage();
            name = f.name();
            version = f.version();
            architecture = f.architecture();
            packages = f.packages();
            scratchAllowed = f.scratchAllowed();
            buildDate = f.buildDate();
            publishDate = f.publishDate();
            source = f.source();
            signedTagRequired = f.signedTagRequired();
            vendor = f.vendor();
            bugTrackerUrl = f.bugTrackerUrl();
            supportDisclaimer = f.supportDisclaimer();
        }

        Builder stage(PublishingStage v) {
            stage = v;
            return this;
        }

        Builder name(String v) {
            name = v;
            return this;
        }

        Builder version(String v) {
            version = v;
            return this;
        }

        Builder architecture(String v) {
            architecture = v;
            return this;
        }

        Builder packages(PackageManifest v) {
            packages = v;
            return this;
        }

        Builder scratchAllowed(boolean v) {
            scratchAllowed = v;
            return this;
        }

        Builder buildDate(Instant v) {
            buildDate = v;
            return this;
        }

        Builder publishDate(Instant v) {
            publishDate = v;
            return this;
        }

        Builder source(SourceFacts v) {
            source = v;
            return this;
        }

        Builder signedTagRequired(boolean v) {
            signedTagRequired = v;
            return this;
        }

        Builder vendor(String v) {
            vendor = v;
            return this;
        }

        Builder bugTrackerUrl(String v) {
            bugTrackerUrl = v;
            return this;
        }

        Builder supportDisclaimer(String v) {
            supportDisclaimer = v;
            return this;
        }

        PublishingFacts build() {
            return new PublishingFacts(stage, name, version, architecture, packages, scratchAllowed, buildDate,
                    publishDate, source, signedTagRequired, vendor, bugTrackerUrl, supportDisclaimer);
        }
    }
}
