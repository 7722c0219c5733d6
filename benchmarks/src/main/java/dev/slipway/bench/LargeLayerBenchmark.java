package dev.slipway.bench;

import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.sample.SampleSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Benchmark 4 (scripts/bench.sh --large): an image whose last layer is 1 GiB of random data ({@code RUN dd
 * if=/dev/urandom}). Slipway's pipeline after the engine's build (save, compress once, read packages, push to two
 * registries, SBOMs, provenance, mirror) against {@code docker save} + {@code docker push} by hand of the same kind
 * of image, and the peak RSS (VmHWM) of the worker, run as its own JVM with the options bin/slipway-worker gives it
 * ({@code bin/slipway-worker.jvmopts}).
 */
public final class LargeLayerBenchmark {
    /** The steps up to and including the engine's build; everything after them is "after the build". */
    private static final Set<String> UNTIL_BUILT = Set.of("fetch_source", "check_dockerfile", "compute_release",
            "resolve_parents", "add_labels", "build_image");

    /** The options bin/slipway-worker starts the worker with; scripts/bench.sh runs from the repository root. */
    private static final Path WORKER_JVM_OPTIONS = Path.of("bin", "slipway-worker.jvmopts");

    private LargeLayerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        if (!Files.isRegularFile(WORKER_JVM_OPTIONS)) {
            throw new IllegalStateException("Run from the repository root: the worker's JVM options "
                    + WORKER_JVM_OPTIONS.toAbsolutePath() + " are missing");
        }
        Path dir = Files.createTempDirectory("slipway-bench-large-");
        try (TestRegistry first = TestRegistry.start(AuthMode.OPEN);
                TestRegistry second = TestRegistry.start(AuthMode.OPEN)) {
            SampleSource sample = SampleSource.create(first.hostPort(), dir.resolve("sample"));
            DistGitRepo repo = DistGitRepo.create(dir, "big", "f40");
            String commit = repo.commit(Map.of("Dockerfile", dockerfile(sample.parent())
                    .getBytes(StandardCharsets.UTF_8)), "1 GiB of random data");
            Path checkout = dir.resolve("big-src");
            Shell.bash("git clone -q " + repo.url() + " " + checkout + " && git -C " + checkout + " checkout -q "
                    + commit);
            Timing after = new Timing("slipway: pipeline after the engine build");
            Timing rss = new Timing("slipway worker peak RSS (MiB, not ms)");
            Timing save = new Timing("by hand: docker save");
            Timing pushOne = new Timing("by hand: docker push (1 registry)");
            Timing pushTwo = new Timing("by hand: docker push (2nd registry)");
            Timing byHandOne = new Timing("by hand: save + push to 1 registry");
            Timing byHandTwo = new Timing("by hand: save + push to 2 registries");
            Map<String, Timing> steps = new LinkedHashMap<>();
            for (int i = 0; i < runs; i++) {
                Path run = Files.createDirectories(dir.resolve("run-" + i));
                List<String> out = worker(repo.source(commit), dir.toUri().toString(), first.hostPort(),
                        second.hostPort(), run);
                long total = 0;
                long built = 0;
                for (String line : out) {
                    String[] w = line.split(" ");
                    switch (w[0]) {
                        case "STEP" -> {
                            built += UNTIL_BUILT.contains(w[1]) ? Long.parseLong(w[2]) : 0;
                            steps.computeIfAbsent(w[1], Timing::new).add(Long.parseLong(w[2]));
                        }
                        case "MEMBER" -> steps.computeIfAbsent("member " + w[1], k -> new Timing("  (side by side) "
                                + w[1])).add(Long.parseLong(w[2]));
                        case "TOTAL" -> total = Long.parseLong(w[1]);
                        case "VMHWM" -> rss.add(Long.parseLong(w[1]) / 1024.0);
                        default -> {
                        }
                    }
                }
                after.add(total - built);
                FixtureFiles.deleteTree(run);

                String image = first.hostPort() + "/byhand/big:" + i;
                String copy = second.hostPort() + "/byhand/big:" + i;
                Shell.bash("/usr/bin/docker build -q --no-cache -t " + image + " " + checkout + " >/dev/null");
                double s = millis(() -> Shell.bash("/usr/bin/docker save -o " + run + ".tar " + image));
                double p1 = millis(() -> Shell.bash("/usr/bin/docker push -q " + image + " >/dev/null"));
                double p2 = millis(() -> Shell.bash("/usr/bin/docker tag " + image + " " + copy
                        + " && /usr/bin/docker push -q " + copy + " >/dev/null"));
                save.add(s);
                pushOne.add(p1);
                pushTwo.add(p2);
                byHandOne.add(s + p1);
                byHandTwo.add(s + p1 + p2);
                Shell.bash("rm -f " + run + ".tar && /usr/bin/docker rmi -f " + image + " " + copy + " >/dev/null");
            }
            System.out.println("== Benchmark 4: 1 GiB random layer (" + runs + " runs each)");
            for (Timing t : List.of(after, save, pushOne, pushTwo, byHandOne, byHandTwo)) {
                System.out.println(t.summary());
            }
            System.out.println(Timing.ratio(after, byHandOne) + "   (goal <= 0.6; Slipway pushes to 2 registries)");
            System.out.println(Timing.ratio(after, byHandTwo) + "   (same destinations)");
            System.out.println(String.format(Locale.ROOT, "worker peak RSS median %.0f MiB   (goal <= 300 MiB;"
                    + " worker JVM options: %s)", rss.median(), String.join(" ", jvmOptions())));
            System.out.println("slipway steps (median ms):");
            steps.values().forEach(t -> System.out.println("  " + t.summary()));
        } finally {
            FixtureFiles.deleteTree(dir);
        }
    }

    /** The options in the argfile, without its comments. */
    private static List<String> jvmOptions() throws IOException {
        return Files.readAllLines(WORKER_JVM_OPTIONS).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static double millis(Timing.ThrowingSupplier<String> action) throws Exception {
        long t0 = System.nanoTime();
        action.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Runs one build in a child JVM with the worker's JVM options; its output lines. */
    private static List<String> worker(String source, String allowed, String first, String second, Path run) {
        String java = ProcessHandle.current().info().command().orElse("java");
        CommandResult result = Command.of(java, "@" + WORKER_JVM_OPTIONS, "-cp", System.getProperty("java.class.path"),
                LargeLayerWorker.class.getName(), source, allowed, first, second, run.resolve("work").toString(),
                run.resolve("mirror").toString()).timeout(Duration.ofMinutes(30)).run();
        if (!result.ok()) {
            throw new IllegalStateException("the worker failed: " + result.output());
        }
        return result.stdout().lines().toList();
    }

    static String dockerfile(String parent) {
        return """
                FROM %s
                LABEL com.redhat.component="big-container" \\
                      name="slipway/big" \\
                      version="1.0" \\
                      summary="An image with a 1 GiB layer of random data" \\
                      description="Measures how the worker handles a large layer." \\
                      io.k8s.description="Large layer benchmark image" \\
                      license="MIT"
                RUN dd if=/dev/urandom of=/big.bin bs=1M count=1024 2>/dev/null
                CMD ["/bin/sh"]
                """.formatted(parent);
    }
}
