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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 1: the standalone pipeline on the sample repository, pushing to two registries, versus the same work
 * by hand with the docker CLI ({@code git clone}, {@code docker build --no-cache}, {@code docker push} to both
 * registries, {@code docker save | gzip} into a mirror directory, {@code docker run --rm IMG rpm -qa}), and versus
 * the reference the pipeline cannot beat: {@code docker build --no-cache} of the same Dockerfile alone. Alternating
 * runs; medians and both ratios are printed beside their goals.
 */
public final class PipelineBenchmark {
    private static final Pattern MEMBER = Pattern.compile("-- step (\\S+) took (\\d+) ms$");
    private static final Pattern EXIT = Pattern.compile("-- exit phase took (\\d+) ms$");
    private static final Pattern SAVE = Pattern.compile(
            "save_image: first byte after (-?\\d+) ms, stream read in (\\d+) ms, OCI layout in (\\d+) ms$");

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path dir = Files.createTempDirectory("slipway-bench-pipeline-");
        try (TestRegistry registry = TestRegistry.start(AuthMode.OPEN);
                TestRegistry second = TestRegistry.start(AuthMode.OPEN)) {
            SampleSource sample = SampleSource.create(registry.hostPort(), dir.resolve("dist-git"));
            String commit = sample.repo().secondCommit();
            RegistryConfig target = new RegistryConfig(URI.create("http://" + registry.hostPort()), "bench", null,
                    null, null);
            RegistryConfig mirrorRegistry = new RegistryConfig(URI.create("http://" + second.hostPort()), "bench",
                    null, null, null);
            List<RegistryConfig> targets = List.of(target, mirrorRegistry);
            WorkerConfig config = new WorkerConfig(List.of(dir.toUri().toString()), SiteConfig.defaults(),
                    targets, EngineConfig.defaults(), dir.resolve("work").toString());
            Timing slipway = new Timing("slipway-worker pipeline (2 registries)");
            Map<String, Timing> steps = new LinkedHashMap<>();
            Timing byHand = new Timing("by hand: git+build/push x2/save|gzip/rpm");
            Timing engineAlone = new Timing("reference: docker build alone");
            // The floor under the pipeline on this engine: the build, then the one export it cannot skip (docker
            // save, which the OCI layout and the package list are made from) and a push of only the new layers.
            Timing saveAlone = new Timing("  + docker save of that image (>/dev/null)");
            Timing pushAlone = new Timing("  + docker push of it (new layers, 1 registry)");
            List<RegistryRequests> requests = List.of(new RegistryRequests(registry), new RegistryRequests(second));
            Path checkout = dir.resolve("reference-src");
            Shell.bash("git clone -q " + sample.repo().repo().url() + " " + checkout + " && git -C " + checkout
                    + " checkout -q " + commit);
            try (ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()), null)) {
                for (int i = -1; i < runs; i++) { // run -1 warms both up and is not counted
                    Timing s = i < 0 ? new Timing("warm-up") : slipway;
                    Timing h = i < 0 ? new Timing("warm-up") : byHand;
                    Path mirror = dir.resolve("mirror-" + (i + 1));
                    Map<String, Long> members = new LinkedHashMap<>();
                    requests.forEach(RegistryRequests::start);
                    BuildResult result = s.time(() -> builder.build(new BuildRequest(
                            SourceSpec.parse(sample.repo().repo().source(commit)), "f40-container-candidate",
                            targets, mirror, false, null, "bench"), dir.resolve("build.log"),
                            line -> memberTiming(line, members)));
                    requests.forEach(RegistryRequests::stop);
                    if (result.state() != BuildResult.Outcome.COMPLETE) {
                        throw new IllegalStateException("pipeline run failed: " + result.error());
                    }
                    if (i >= 0) {
                        result.steps().forEach(t -> {
                            steps.computeIfAbsent(t.step(), k -> new Timing(k)).add(t.millis());
                            if (t.step().contains("+")) {
                                for (String member : t.step().split("[+>]")) {
                                    steps.computeIfAbsent(t.step() + "/" + member, k -> new Timing("  " + member))
                                            .add(members.getOrDefault(member, 0L));
                                    for (String part : List.of("first_byte", "stream", "oci_layout")) {
                                        Long ms = members.get(member + "/" + part);
                                        if (ms != null) {
                                            steps.computeIfAbsent(t.step() + "/" + member + "/" + part,
                                                    k -> new Timing("    " + part)).add(ms);
                                        }
                                    }
                                }
                            }
                        });
                        steps.computeIfAbsent("exit_phase", k -> new Timing("exit phase (clean-up)"))
                                .add(members.getOrDefault("exit_phase", 0L));
                    }
                    String script = byHandScript(sample, commit, registry.hostPort(), second.hostPort(), dir, i + 1);
                    h.time(() -> Shell.bash(script));
                    Timing e = i < 0 ? new Timing("warm-up") : engineAlone;
                    String reference = "/usr/bin/docker build -q --no-cache -t slipway-bench/reference:" + (i + 1) + " "
                            + checkout + " >/dev/null";
                    e.time(() -> Shell.bash(reference));
                    String built = "slipway-bench/reference:" + (i + 1);
                    String pushed = registry.hostPort() + "/reference/slipway/hello:" + (i + 1);
                    (i < 0 ? new Timing("warm-up") : saveAlone).time(() -> Shell.bash(
                            "/usr/bin/docker save " + built + " >/dev/null"));
                    Shell.bash("/usr/bin/docker tag " + built + " " + pushed);
                    (i < 0 ? new Timing("warm-up") : pushAlone).time(() -> Shell.bash(
                            "/usr/bin/docker push -q " + pushed + " >/dev/null"));
                    Shell.bash("/usr/bin/docker rmi -f " + built + " " + pushed + " >/dev/null");
                }
            }
            System.out.println("== Benchmark 1: build pipeline (" + runs + " alternating runs each)");
            System.out.println(engineAlone.summary());
            System.out.println(saveAlone.summary());
            System.out.println(pushAlone.summary());
            System.out.printf(Locale.ROOT, "lower bound: (build + save + push) / build = %.2f%n",
                    (engineAlone.median() + saveAlone.median() + pushAlone.median()) / engineAlone.median());
            System.out.println(slipway.summary());
            System.out.println(byHand.summary());
            System.out.println(Timing.ratio(slipway, engineAlone) + "   (goal <= 1.15)");
            System.out.println(Timing.ratio(slipway, byHand) + "   (goal <= 0.8)");
            System.out.println("slipway steps (median ms):");
            steps.values().forEach(t -> System.out.println("  " + t.summary()));
            for (int r = 0; r < requests.size(); r++) {
                System.out.println("registry " + (r + 1) + ", last pipeline run: " + requests.get(r).summary());
                if (System.getenv("SLIPWAY_BENCH_TRACE") != null) {
                    requests.get(r).requests().forEach(e -> System.out.println("    " + e));
                }
            }
        } finally {
            FixtureFiles.deleteTree(dir);
        }
    }

    /** Side-by-side steps log their own durations ({@code -- step <name> took <ms> ms}). */
    private static void memberTiming(String line, Map<String, Long> members) {
        Matcher m = MEMBER.matcher(line);
        if (m.find()) {
            members.put(m.group(1), Long.parseLong(m.group(2)));
        }
        Matcher exit = EXIT.matcher(line);
        if (exit.find()) {
            members.put("exit_phase", Long.parseLong(exit.group(1)));
        }
        Matcher save = SAVE.matcher(line);
        if (save.find()) {
            members.put("save_image/first_byte", Long.parseLong(save.group(1)));
            members.put("save_image/stream", Long.parseLong(save.group(2)));
            members.put("save_image/oci_layout", Long.parseLong(save.group(3)));
        }
    }

    private static String byHandScript(SampleSource sample, String commit, String registry, String second, Path dir,
            int run) {
        String image = registry + "/byhand/slipway/hello:1.1-" + (run + 1);
        String copy = second + "/byhand/slipway/hello:1.1-" + (run + 1);
        String work = dir.resolve("byhand-" + run).toString();
        return String.join("\n",
                "mkdir -p " + work + "/mirror",
                "git clone -q " + sample.repo().repo().url() + " " + work + "/src",
                "git -C " + work + "/src checkout -q " + commit,
                "/usr/bin/docker build -q --no-cache -t " + image + " " + work + "/src >/dev/null",
                "/usr/bin/docker push -q " + image + " >/dev/null",
                "/usr/bin/docker tag " + image + " " + copy,
                "/usr/bin/docker push -q " + copy + " >/dev/null",
                "/usr/bin/docker save " + image + " | gzip > " + work + "/mirror/image.tar.gz",
                "/usr/bin/docker run --rm " + image + " rpm -qa > " + work + "/mirror/rpms.txt",
                "/usr/bin/docker rmi -f " + image + " " + copy + " >/dev/null",
                "rm -rf " + work + "/src");
    }
}
