package dev.slipway.bench;

import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.sample.SampleSource;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 1: the standalone pipeline on the sample repository versus the same work by hand with the docker CLI
 * ({@code git clone}, {@code docker build --no-cache}, {@code docker push}, {@code docker save | gzip} into a
 * mirror directory, {@code docker run --rm IMG rpm -qa}). Alternating runs; medians and the ratio are printed.
 */
public final class PipelineBenchmark {
    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("slipway-bench-pipeline-");
        try (TestRegistry registry = TestRegistry.start(AuthMode.OPEN)) {
            SampleSource sample = SampleSource.create(registry.hostPort(), dir.resolve("dist-git"));
            String commit = sample.repo().secondCommit();
            RegistryConfig target = new RegistryConfig(URI.create("http://" + registry.hostPort()), "bench", null,
                    null, null);
            WorkerConfig config = new WorkerConfig(List.of(dir.toUri().toString()), SiteConfig.defaults(),
                    List.of(target), EngineConfig.defaults(), dir.resolve("work").toString());
            Timing slipway = new Timing("slipway-worker pipeline");
            Map<String, Timing> steps = new LinkedHashMap<>();
            Timing byHand = new Timing("by hand: git+docker build/push/save|gzip/run rpm");
            try (ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()), null)) {
                for (int i = -1; i < runs; i++) { // run -1 warms both up and is not counted
                    Timing s = i < 0 ? new Timing("warm-up") : slipway;
                    Timing h = i < 0 ? new Timing("warm-up") : byHand;
                    Path mirror = dir.resolve("mirror-" + (i + 1));
                    BuildResult result = s.time(() -> builder.build(new BuildRequest(
                            SourceSpec.parse(sample.repo().repo().source(commit)), "f40-container-candidate",
                            List.of(target), mirror, false, null, "bench"), dir.resolve("build.log"), line -> { }));
                    if (result.state() != BuildResult.Outcome.COMPLETE) {
                        throw new IllegalStateException("pipeline run failed: " + result.error());
                    }
                    if (i >= 0) {
                        result.steps().forEach(t -> steps.computeIfAbsent(t.step(), k -> new Timing(k))
                                .add(t.millis()));
                    }
                    String script = byHandScript(sample, commit, registry.hostPort(), dir, i + 1);
                    h.time(() -> Shell.bash(script));
                }
            }
            System.out.println("== Benchmark 1: build pipeline (" + runs + " alternating runs each)");
            System.out.println(slipway.summary());
            System.out.println(byHand.summary());
            System.out.println(Timing.ratio(slipway, byHand) + "   (goal <= 1.0)");
            System.out.println("slipway steps (median ms):");
            steps.values().forEach(t -> System.out.println("  " + t.summary()));
        } finally {
            FixtureFiles.deleteTree(dir);
        }
    }

    private static String byHandScript(SampleSource sample, String commit, String registry, Path dir, int run) {
        String image = registry + "/byhand/slipway/hello:1.1-" + (run + 1);
        String work = dir.resolve("byhand-" + run).toString();
        return String.join("\n",
                "mkdir -p " + work + "/mirror",
                "git clone -q " + sample.repo().repo().url() + " " + work + "/src",
                "git -C " + work + "/src checkout -q " + commit,
                "/usr/bin/docker build -q --no-cache -t " + image + " " + work + "/src >/dev/null",
                "/usr/bin/docker push -q " + image + " >/dev/null",
                "/usr/bin/docker save " + image + " | gzip > " + work + "/mirror/image.tar.gz",
                "/usr/bin/docker run --rm " + image + " rpm -qa > " + work + "/mirror/rpms.txt",
                "/usr/bin/docker rmi -f " + image + " >/dev/null",
                "rm -rf " + work + "/src");
    }
}
