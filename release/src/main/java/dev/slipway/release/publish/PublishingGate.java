package dev.slipway.release.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.release.policy.PolicyReport;
import dev.slipway.release.policy.PublishingFacts;
import dev.slipway.release.policy.PublishingPolicy;
import dev.slipway.release.policy.PublishingStage;
import dev.slipway.release.policy.SourceFacts;
import dev.slipway.release.policy.SourceVerifier;
import dev.slipway.release.policy.TagVerification;
import dev.slipway.release.policy.Violation;
import dev.slipway.release.promotion.EdgeGate;
import dev.slipway.release.promotion.PlanProblem;
import dev.slipway.release.promotion.PromotionEdge;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OpenStack publishing rules as a promotion gate: for each edge to copy, the source image's facts are read from
 * the staging registry (config labels, the RPM manifest from its CycloneDX SBOM referrer, {@code build-date},
 * {@code vcs-url} + {@code vcs-ref}, vendor, bug tracker, support disclaimer), the publish date is now, and
 * {@link PublishingPolicy} checks them at {@link PublishingStage#PROMOTION}. Each violation becomes a refusing plan
 * problem with its own code (11901-11919) naming the image.
 *
 * <p>The signed-tag rule: the image records its commit, not a tag, so the tags pointing at {@code vcs-ref} are
 * listed in the {@code vcs-url} repository ({@code git ls-remote}) and the first one {@code git verify-tag} accepts
 * is the build's tag; with none, the first found is reported as unverified, and with no tag at all the rule fails.
 */
public final class PublishingGate implements EdgeGate {
    private final RegistryClientFactory registries;
    private final SourceImageReader reader;
    private final Clock clock;
    private final SourceVerifier verifier;
    private final boolean signedTagRequired;
    private final Map<String, List<PublishingCheck>> checked = new ConcurrentHashMap<>();

    /**
     * @param verifier checks that {@code vcs-ref} is fetchable from {@code vcs-url} and verifies tags (e.g. a
     *     {@code GitSourceVerifier} over the trusted tag keyring)
     * @param signedTagRequired the destination requires the source to be a signed git tag
     */
    public PublishingGate(RegistryClientFactory registries, ObjectMapper json, Clock clock, SourceVerifier verifier,
            boolean signedTagRequired) {
        this.registries = Objects.requireNonNull(registries, "registries");
        this.reader = new SourceImageReader(json);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.signedTagRequired = signedTagRequired;
    }

    /** A gate that lets everything pass and says so in every audit record: for explicit emergency use only. */
    public static EdgeGate skipped(String why) {
        return new EdgeGate() {
            @Override
            public List<PlanProblem> check(PromotionEdge edge) {
                return List.of();
            }

            @Override
            public String auditNote() {
                return "SKIPPED: " + why;
            }
        };
    }

    @Override
    public List<PlanProblem> check(PromotionEdge edge) {
        List<PublishingCheck> checks;
        try {
            // One source digest promoted to several destinations is read and checked once.
            checks = checked.computeIfAbsent(edge.sourceReference(), key -> checkSource(edge));
        } catch (SlipwayException e) {
            return List.of(new PlanProblem(e.code() == ErrorCode.PROMOTION_FACTS_UNREADABLE ? e.code()
                    : ErrorCode.PROMOTION_FACTS_UNREADABLE, edge.sourceReference() + " (" + edge.origin()
                    + "): could not read its publishing facts: [" + e.code().code() + " " + e.code().name() + "] "
                    + e.getMessage()));
        }
        List<PlanProblem> problems = new ArrayList<>();
        for (PublishingCheck check : checks) {
            String image = edge.sourceReference() + (check.facts().digest().equals(edge.digest()) ? ""
                    : " (platform image " + check.facts().digest() + ")");
            for (Violation v : check.report().violations()) {
                problems.add(new PlanProblem(RuleCodes.of(v.code()), image + " (" + edge.origin() + ") may not be "
                        + "published: " + v.message() + "; rule: " + v.code().rule()));
            }
        }
        return problems;
    }

    @Override
    public String auditNote() {
        return "passed" + (signedTagRequired ? " (signed tag required)" : "");
    }

    private List<PublishingCheck> checkSource(PromotionEdge edge) {
        RegistryClient client = registries.forHost(edge.source().host());
        List<PublishingCheck> out = new ArrayList<>();
        for (ImageFacts image : reader.read(client, edge.sourceRepository(), edge.digest())) {
            out.add(new PublishingCheck(image, new PublishingPolicy(verifier).check(facts(image))));
        }
        return List.copyOf(out);
    }

    private PublishingFacts facts(ImageFacts image) {
        String repository = image.label("vcs-url");
        String commit = image.label("vcs-ref");
        return new PublishingFacts(PublishingStage.PROMOTION, image.label("name"), image.label("version"),
                image.label("architecture"), image.packages().orElse(null), false, date(image.label("build-date")),
                clock.instant(), new SourceFacts(repository, commit, signedTagRequired ? tag(repository, commit)
                        : null), signedTagRequired, image.label("vendor"),
                image.label("dev.slipway.bug-tracker-url"), image.label("dev.slipway.support-disclaimer"));
    }

    /** The first tag at the commit that verifies, else the first tag found, else null. */
    private String tag(String repository, String commit) {
        if (repository == null || commit == null) {
            return null;
        }
        List<String> tags = SourceTags.pointingAt(repository, commit);
        for (String tag : tags) {
            if (verifier.verifyTag(repository, tag).status() == TagVerification.Status.VERIFIED) {
                return tag;
            }
        }
        return tags.isEmpty() ? null : tags.get(0);
    }

    /** The build-date label (ISO-8601 instant or offset date-time); null when absent or unreadable. */
    private static Instant date(String label) {
        if (label == null) {
            return null;
        }
        try {
            return Instant.parse(label);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(label).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** One platform image's facts and what the rules said about them. */
    private record PublishingCheck(ImageFacts facts, PolicyReport report) {
    }
}
