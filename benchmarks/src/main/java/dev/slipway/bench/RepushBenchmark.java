package dev.slipway.bench;

import dev.slipway.common.json.Json;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.engine.DockerEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImage;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.registry.ClientImageRegistries;
import dev.slipway.worker.registry.ImageRegistries;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Benchmark 3: re-push of an image whose blobs all exist in the registry already (goal: at most 50 ms and 0 blob
 * bytes uploaded), next to {@code docker push} of the same unchanged image.
 */
public final class RepushBenchmark {
    private RepushBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        BaseImage base = new BaseImageFixture().benchmark(150);
        Path dir = Files.createTempDirectory("slipway-bench-repush-");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TestRegistry registry = TestRegistry.start(AuthMode.OPEN);
                DockerEngine engine = new DockerEngine(EngineConfig.defaults())) {
            var json = Json.mapper();
            OciImage image;
            try (InputStream saved = engine.save(base.reference())) {
                image = new OciImageWriter(json, pool).write(new DockerArchiveReader(json, pool).read(saved,
                        dir.resolve("saved")), Map.of(), dir.resolve("oci"), "repush");
            }
            RegistryConfig target = new RegistryConfig(URI.create("http://" + registry.hostPort()), null, null, null, null);
            ImageRegistries registries = new ClientImageRegistries(List.of(target), json);
            ImageRegistries.PushOutcome first = registries.push(target, "repush/slipway", image, "v1", null);
            String peerImage = registry.hostPort() + "/repush/docker:v1";
            Shell.bash("/usr/bin/docker tag " + base.reference() + " " + peerImage + " && /usr/bin/docker push -q "
                    + peerImage + " >/dev/null");
            Timing ours = new Timing("slipway re-push (all blobs present)");
            Timing peer = new Timing("docker push of the unchanged image");
            long bytes = 0;
            long requests = 0;
            for (int i = -1; i < runs; i++) {
                int mark = registry.requests().size();
                ImageRegistries.PushOutcome again = (i < 0 ? new Timing("warm-up") : ours)
                        .time(() -> registries.push(target, "repush/slipway", image, "v1", null));
                if (i >= 0) {
                    bytes += again.bytesUploaded();
                    requests = registry.requestsSince(mark).size();
                }
                if (!again.digest().equals(first.digest())) {
                    throw new IllegalStateException("re-push changed the digest");
                }
                (i < 0 ? new Timing("warm-up") : peer).time(() -> Shell.bash("/usr/bin/docker push -q " + peerImage));
            }
            System.out.println("== Benchmark 3: re-push of an unchanged image (" + image.layers().size()
                    + " layers, first push uploaded " + first.bytesUploaded() + " bytes; " + runs + " runs each)");
            System.out.println(ours.summary());
            System.out.println(peer.summary());
            System.out.println("slipway re-push: blob bytes uploaded over all runs = " + bytes + ", registry requests"
                    + " per re-push = " + requests + "   (goal <= 50 ms and 0 bytes)");
            System.out.println(Timing.ratio(ours, peer));
            Shell.bash("/usr/bin/docker rmi " + peerImage + " >/dev/null");
        } finally {
            pool.shutdownNow();
            FixtureFiles.deleteTree(dir);
        }
    }
}
