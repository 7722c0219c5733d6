package dev.slipway.release.promotion;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.Skopeo;
import dev.slipway.testing.registry.TestImage;
import dev.slipway.testing.registry.TestRegistry;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Promotion vs {@code skopeo copy} on real registries, runs alternating: inside one registry, across two
 * registries, and a re-run over 200 unchanged images. Prints medians and ratios; the CLI-style output is the point.
 * Arguments: [runs=5] [imagesPerRun=3] [layerMiB=4] [unchanged=200].
 */
public final class PromotionBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final Path work;
    private final TestRegistry staging;
    private final TestRegistry production;
    private final RegistryClientFactory factory =
            new RegistryClientFactory(RegistryClientConfig.defaults(), CredentialsSource.none(), JSON);
    private int counter;

    private PromotionBenchmark(PrintStream out, Path work, TestRegistry staging, TestRegistry production) {
        this.out = out;
        this.work = work;
        this.staging = staging;
        this.production = production;
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int images = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int layerMiB = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int unchanged = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        Path work = Files.createTempDirectory("slipway-bench-");
        try (TestRegistry staging = TestRegistry.start(AuthMode.OPEN);
                TestRegistry production = TestRegistry.start(AuthMode.OPEN)) {
            PromotionBenchmark bench = new PromotionBenchmark(System.out, work, staging, production);
            System.out.printf("slipway promotion benchmark: %d alternating runs per tool, %d images of one %d MiB "
                    + "layer per run, %d unchanged images%n", runs, images, layerMiB, unchanged);
            bench.compare("inside one registry", staging, runs, images, layerMiB << 20);
            bench.compare("across registries", production, runs, images, layerMiB << 20);
            bench.unchanged(unchanged);
        } finally {
            ManifestRepository.run(work.getParent(), java.util.Map.of(), List.of("rm", "-rf", work.toString()));
        }
    }

    /** Alternates promotion and skopeo copy of fresh images into {@code target}; prints per-image medians. */
    private void compare(String label, TestRegistry target, int runs, int images, int layerBytes) throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> theirs = new ArrayList<>();
        long ourBlobBytes = 0;
        long ourUploads = 0;
        long skopeoBlobBytes = 0;
        boolean identical = true;
        warmUp(target, layerBytes);
        for (int run = 0; run < runs; run++) {
            List<TestImage> mine = stage(images, layerBytes);
            List<TestImage> skopeos = stage(images, layerBytes);
            String id = "run" + (++counter);
            ManifestRepository repo = repoFor(mine, target, id); // reviewed before the run
            int stagingMark = BenchLog.mark(staging);
            long start = System.nanoTime();
            promote(repo, mine.size());
            ours.add((System.nanoTime() - start) / 1e6 / images);
            BenchLog.Traffic traffic = BenchLog.since(staging, stagingMark);
            ourBlobBytes += traffic.blobBytesServed();
            if (target == staging) {
                ourUploads += traffic.blobUploads();
            }
            stagingMark = BenchLog.mark(staging);
            start = System.nanoTime();
            for (TestImage image : skopeos) {
                skopeoCopy(image, target);
            }
            theirs.add((System.nanoTime() - start) / 1e6 / images);
            skopeoBlobBytes += BenchLog.since(staging, stagingMark).blobBytesServed();
            for (TestImage image : mine) {
                identical &= digestIn(target, id, image).equals(image.manifestDigest().toString());
            }
        }
        double ourMedian = median(ours);
        double skopeoMedian = median(theirs);
        out.printf("%n== %s ==%n", label);
        out.printf("slipway promote : median %.1f ms/image  runs %s%n", ourMedian, rounded(ours));
        out.printf("skopeo copy     : median %.1f ms/image  runs %s%n", skopeoMedian, rounded(theirs));
        out.printf("speed-up        : %.2fx (skopeo median / slipway median)%n", skopeoMedian / ourMedian);
        out.printf("blob bytes read from staging: slipway %d, skopeo %d; blob upload requests (same registry): %d%n",
                ourBlobBytes, skopeoBlobBytes, ourUploads);
        out.printf("digests identical (skopeo inspect --raw | sha256sum): %s%n", identical);
    }

    /** One unmeasured round of each tool, so neither pays JIT or cache start-up in the measured runs. */
    private void warmUp(TestRegistry target, int layerBytes) throws Exception {
        List<TestImage> images = stage(2, layerBytes);
        promote(repoFor(images, target, "warm" + (++counter)), images.size());
        skopeoCopy(stage(1, layerBytes).get(0), target);
    }

    /** Promotes 200 (or n) images once, then measures a re-run where nothing changed. */
    private void unchanged(int n) {
        List<TestImage> images = stage(n, 0);
        ManifestRepository repo = repoFor(images, production, "unchanged");
        run(repo, true);
        int productionMark = BenchLog.mark(production);
        int stagingMark = BenchLog.mark(staging);
        long start = System.nanoTime();
        PromotionReport report = run(repo, true);
        double millis = (System.nanoTime() - start) / 1e6;
        BenchLog.Traffic prod = BenchLog.since(production, productionMark);
        BenchLog.Traffic stage = BenchLog.since(staging, stagingMark);
        out.printf("%n== %d unchanged images (re-run) ==%n", n);
        out.printf("edges already promoted: %d, copied: %d, time %.0f ms%n", report.plan().done().size(),
                report.promoted().size(), millis);
        out.printf("requests: production %d (%d HEAD), staging %d -> %.2f requests per image%n", prod.requests(),
                prod.heads(), stage.requests(), (prod.requests() + stage.requests()) / (double) n);
    }

    private void promote(ManifestRepository repo, int images) {
        PromotionReport report = run(repo, true);
        if (!report.clean() || report.promoted().size() != images) {
            throw new IllegalStateException("promotion failed: " + report);
        }
    }

    private PromotionReport run(ManifestRepository repo, boolean confirm) {
        PromotionOptions options = PromotionOptions.dryRun(repo.dir()).withAuditFile(work.resolve("audit.jsonl"));
        return new Promoter(factory, JSON, Clock.systemUTC(), List.of()).run(confirm ? options.confirmed() : options);
    }

    private ManifestRepository repoFor(List<TestImage> images, TestRegistry target, String id) {
        ManifestRepository repo = ManifestRepository.create(work.resolve("repo-" + id));
        repo.registries("bench", staging.hostPort() + "/staging", target.hostPort() + "/" + prefix(target, id));
        StringBuilder yaml = new StringBuilder();
        for (TestImage image : images) {
            yaml.append("- name: ").append(nameOf(image)).append("\n  dmap:\n    \"").append(image.manifestDigest())
                    .append("\": [\"1.0\"]\n");
        }
        repo.images("bench", yaml.toString());
        repo.commit("Promote " + images.size() + " images");
        return repo;
    }

    /** Pushes {@code n} fresh images (random layers of {@code layerBytes}, tiny when 0) to staging. */
    private List<TestImage> stage(int n, int layerBytes) {
        List<TestImage> out = new ArrayList<>();
        Random random = new Random(System.nanoTime());
        for (int i = 0; i < n; i++) {
            byte[] content = new byte[Math.max(layerBytes, 16)];
            random.nextBytes(content);
            TestImage image = TestImage.create("data.bin", content, TestImage.Format.DOCKER);
            factory.forHost(staging.hostPort()).pushImage("staging/" + nameOf(image), "1.0", image.manifest(),
                    image.mediaType(), List.of(BlobSource.ofBytes(image.config()), BlobSource.ofBytes(image.layer())));
            out.add(image);
        }
        return out;
    }

    private String prefix(TestRegistry target, String id) {
        return (target == staging ? "released-" : "prod-") + id;
    }

    private static String nameOf(TestImage image) {
        return "img-" + image.manifestDigest().hex().substring(0, 12);
    }

    private void skopeoCopy(TestImage image, TestRegistry target) throws Exception {
        Path policy = work.resolve("policy.json");
        if (!Files.exists(policy)) {
            Files.writeString(policy, "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
        }
        String prefix = target == staging ? "skopeo-released" : "skopeo-prod";
        ManifestRepository.run(work, java.util.Map.of(), List.of("skopeo", "--policy", policy.toString(), "copy",
                "--quiet", "--preserve-digests", "--src-tls-verify=false", "--dest-tls-verify=false",
                "docker://" + staging.hostPort() + "/staging/" + nameOf(image) + "@" + image.manifestDigest(),
                "docker://" + target.hostPort() + "/" + prefix + "/" + nameOf(image) + ":1.0"));
    }

    private String digestIn(TestRegistry target, String id, TestImage image) {
        Digest digest = image.manifestDigest();
        return new Skopeo(target).rawManifestSha256(prefix(target, id) + "/" + nameOf(image), digest.toString());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }
}
