package dev.slipway.bench;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.common.json.Json;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.contents.ImageContentsReader;
import dev.slipway.worker.contents.LayeredFiles;
import dev.slipway.worker.engine.DockerEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.SavedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark 2: the RPM manifest of an image with at least 150 RPMs, read by Slipway versus
 * {@code docker run --rm IMG rpm -qa --qf ...} and versus copying the rpmdb out with the CLI ({@code docker create}
 * + {@code docker cp}) and running the host's {@code rpm --dbpath ... -qa}. All three must list the same packages in
 * every run.
 *
 * <p>What "Slipway" measures is what the worker's read_packages step costs: the worker saves the image for its OCI
 * layout anyway (save_image, running beside it), and the step reads the rpmdb straight from those saved layer tars.
 * So the timed part is indexing the layer tars and reading the database out of them; the save it starts from is
 * timed on its own line ({@code docker save} through the engine API, unpacked as the worker unpacks it) and not
 * counted against the goal.
 */
public final class RpmManifestBenchmark {
    private static final String QF = "%{NAME}-%|EPOCH?{%{EPOCH}:}:{}|%{VERSION}-%{RELEASE}.%{ARCH}\\n";

    private RpmManifestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        BaseImage image = new BaseImageFixture().benchmark(count);
        Path dir = Files.createTempDirectory("slipway-bench-rpm-");
        Timing save = new Timing("(docker save + unpack, done by save_image)");
        Timing ours = new Timing("slipway: rpmdb from the saved layer tars");
        Timing run = new Timing("docker run --rm IMG rpm -qa --qf");
        Timing copy = new Timing("docker create+cp, host rpm --dbpath -qa");
        List<String> expected = null;
        ExecutorService compressors = Executors.newFixedThreadPool(2);
        try (DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            DockerArchiveReader archives = new DockerArchiveReader(Json.mapper(), compressors);
            ImageContentsReader reader = new ImageContentsReader();
            for (int i = -1; i < runs; i++) {
                Path saved = dir.resolve("saved-" + (i + 1));
                SavedImage savedImage = (i < 0 ? new Timing("warm-up") : save).time(() -> {
                    Files.createDirectories(saved);
                    try (InputStream in = engine.save(image.reference())) {
                        return archives.read(in, saved.resolve("unpacked"));
                    }
                });
                Path scratch = dir.resolve("ours-" + (i + 1));
                PackageManifest manifest = (i < 0 ? new Timing("warm-up") : ours).time(() ->
                        reader.read(LayeredFiles.of(savedImage.layerTars()), scratch));
                List<String> viaJava = manifest.packages().stream().map(InstalledPackage::nevra).sorted().toList();
                List<String> viaRun = lines((i < 0 ? new Timing("warm-up") : run).time(() -> Shell.bash(
                        "/usr/bin/docker run --rm " + image.reference() + " rpm -qa --qf '" + QF + "'")));
                Path db = dir.resolve("cp-" + (i + 1));
                List<String> viaCopy = lines((i < 0 ? new Timing("warm-up") : copy).time(() -> Shell.bash(String.join("\n",
                        "c=$(/usr/bin/docker create " + image.reference() + " /bin/true)",
                        "mkdir -p " + db,
                        "/usr/bin/docker cp $c:/usr/lib/sysimage/rpm " + db + "/rpm",
                        "/usr/bin/docker rm $c >/dev/null",
                        "rpm --dbpath " + db + "/rpm -qa --qf '" + QF + "'"))));
                if (!viaJava.equals(viaRun) || !viaJava.equals(viaCopy)) {
                    throw new IllegalStateException("the three methods disagree: " + viaJava.size() + " / "
                            + viaRun.size() + " / " + viaCopy.size());
                }
                expected = viaJava;
                FixtureFiles.deleteTree(saved);
            }
        } finally {
            compressors.shutdownNow();
            FixtureFiles.deleteTree(dir);
        }
        System.out.println("== Benchmark 2: RPM manifest of an image with " + expected.size() + " RPMs ("
                + runs + " alternating runs each; all three list the same " + expected.size() + " NEVRAs)");
        System.out.println(ours.summary());
        System.out.println(run.summary());
        System.out.println(copy.summary());
        System.out.println(save.summary());
        System.out.println(Timing.ratio(ours, copy) + "   (goal <= 0.15)");
        System.out.println(Timing.ratio(ours, run));
    }

    private static List<String> lines(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank() && !l.startsWith("gpg-pubkey")).sorted().toList();
    }
}
