package dev.slipway.worker.pipeline;

import dev.slipway.release.policy.GitSourceVerifier;
import dev.slipway.release.policy.PolicyReport;
import dev.slipway.release.policy.PublishingFacts;
import dev.slipway.release.policy.PublishingPolicy;
import dev.slipway.release.policy.PublishingStage;
import dev.slipway.release.policy.SourceFacts;
import dev.slipway.release.policy.SourceVerifier;
import dev.slipway.release.policy.TagVerification;
import dev.slipway.worker.config.PublishingConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The check_publishing_rules step, for release builds only, after save_image and read_packages and before any push: the
 * OpenStack rules for publishing binary artifacts (name, version and arch, an RPM manifest, dates, a signed tag when
 * required, build inputs published, a team as vendor, a bug tracker and a support disclaimer). Every violation is
 * listed in one error, and nothing is pushed.
 */
final class CheckPublishingRulesStep implements BuildStep {
    private final PublishingConfig config;

    CheckPublishingRulesStep(PublishingConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "check_publishing_rules";
    }

    @Override
    public void run(PipelineRun state) {
        String tag = state.source.tags().isEmpty() ? null : state.source.tags().get(0);
        PublishingFacts facts = new PublishingFacts(PublishingStage.BUILD, state.imageName, state.version,
                state.engine.arch(), state.packages, state.finalBase == null, state.started, null,
                new SourceFacts(state.request.source().repository().toString(),
                        state.request.source().commit().hex(), tag),
                config.requireSignedTags(), state.labels.get("vendor"), state.labels.get(AddLabelsStep.BUG_TRACKER),
                state.labels.get(AddLabelsStep.SUPPORT));
        PolicyReport report = new PublishingPolicy(verifier(state)).enforce(facts);
        state.log.line("Publishing rules: " + (report.passed() ? "all passed" : report.violations()));
    }

    /** The commit was just fetched from the recorded repository, which proves it is published there. */
    private SourceVerifier verifier(PipelineRun state) {
        SourceVerifier tags = config.requireSignedTags()
                ? new GitSourceVerifier(Path.of(config.trustedKeyring()), Duration.ofMinutes(2)) : null;
        return new SourceVerifier() {
            @Override
            public Optional<String> commitProblem(String repository, String commit) {
                return Optional.empty();
            }

            @Override
            public TagVerification verifyTag(String repository, String tagName) {
                return tags.verifyTag(repository, tagName);
            }
        };
    }
}
