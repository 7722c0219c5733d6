package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenStack publishing rules stop a release build before anything is pushed; scratch builds are not releases. */
@ExtendWith(SampleEnvironmentExtension.class)
class PublishingRulesIT {

    @Test
    void communityVendor_refusesTheReleaseBuild_beforeAnyPush(SampleEnvironment env) throws Exception {
        SiteConfig community = new SiteConfig("The OpenStack Community", SampleEnvironment.SITE.urlFormat(),
                "registry.slipway.invalid", "public", null, null, "MIT");
        WorkerConfig config = new WorkerConfig(List.of(env.dir.toUri().toString()), community, List.of(),
                EngineConfig.defaults(), env.dir.resolve("work").toString());
        try (ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()), null)) {
            int mark = env.open.requests().size();
            BuildResult release = builder.build(request(env, false), Files.createTempFile(env.dir, "p", ".log"), l -> { });
            assertEquals(BuildResult.Outcome.FAILED, release.state());
            assertEquals("check_publishing_rules", release.error().step());
            assertEquals(ErrorCode.POLICY_VIOLATED.code(), release.error().code());
            String message = release.error().message();
            assertTrue(message.contains("VENDOR_IS_COMMUNITY") || message.toLowerCase().contains("community"), message);
            assertTrue(message.toLowerCase().contains("bug"), "every violation is listed: " + message);
            long writes = env.open.requestsSince(mark).stream()
                    .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
            assertEquals(0, writes, "nothing was pushed");
        }
    }

    private static BuildRequest request(SampleEnvironment env, boolean scratch) {
        return new BuildRequest(SourceSpec.parse(env.sample.repo().repo().source(env.sample.repo().secondCommit())),
                "f40-container-candidate", List.of(SampleEnvironment.registry(env.open, "rules-it")),
                env.newDir("rules-mirror"), scratch, null, "packager");
    }
}
