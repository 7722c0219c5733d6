package dev.slipway.bench;

import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker side of {@link LargeLayerBenchmark}: one release build in its own JVM (started with the worker's
 * JVM options, bin/slipway-worker.jvmopts), so the benchmark can read this process's peak RSS. Prints one
 * {@code STEP <name> <ms>} line per step, {@code MEMBER <name> <ms>} per step run side by side with others,
 * {@code TOTAL <ms>} and {@code VMHWM <kB>} from /proc/self/status.
 *
 * <p>Arguments: source spec, allowed SCM prefix, two registry host:ports, work directory, mirror directory.
 */
public final class LargeLayerWorker {
    /** Side-by-side steps log their own durations. */
    private static final Pattern MEMBER = Pattern.compile("-- step (\\S+) took (\\d+) ms$");

    private LargeLayerWorker() {
    }

    public static void main(String[] args) throws Exception {
        List<RegistryConfig> targets = List.of(
                new RegistryConfig(URI.create("http://" + args[2]), "bench", null, null, null),
                new RegistryConfig(URI.create("http://" + args[3]), "bench", null, null, null));
        WorkerConfig config = new WorkerConfig(List.of(args[1]), SiteConfig.defaults(), targets,
                EngineConfig.defaults(), args[4]);
        long t0 = System.nanoTime();
        List<String> members = new ArrayList<>();
        BuildResult result;
        try (ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()), null)) {
            result = builder.build(new BuildRequest(SourceSpec.parse(args[0]), "f40-container-candidate", targets,
                    Path.of(args[5]), false, null, "bench"), Path.of(args[4]).resolveSibling("build.log"), line -> {
                        Matcher m = MEMBER.matcher(line);
                        if (m.find()) {
                            members.add("MEMBER " + m.group(1) + " " + m.group(2));
                        }
                    });
        }
        long total = (System.nanoTime() - t0) / 1_000_000;
        if (result.state() != BuildResult.Outcome.COMPLETE) {
            System.out.println("FAILED " + result.error());
            System.exit(1);
        }
        result.steps().forEach(s -> System.out.println("STEP " + s.step() + " " + s.millis()));
        members.forEach(System.out::println);
        System.out.println("TOTAL " + total);
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                System.out.println("VMHWM " + line.replaceAll("[^0-9]", ""));
            }
        }
    }
}
