package dev.slipway.worker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.RegistryAddress;
import dev.slipway.common.json.Json;
import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.ConfigLoader;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway-worker build}: runs the whole pipeline for one dist-git commit and prints the result JSON on
 * standard output; the build log streams to standard error. Ctrl-C cancels the build and still cleans up.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build one dist-git commit into a pushed, digest-pinned image with its RPM manifest.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the build is COMPLETE", "1:the build FAILED (see error.code in the JSON)",
            "2:bad command line or configuration", "3:the build was CANCELED"})
public final class BuildCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, description = "<git url>#<40-hex commit>")
    String source;

    @Option(names = "--target", required = true, description = "Koji build target, e.g. f40-container-candidate")
    String target;

    @Option(names = "--registry", description = "Registry to push to, named as Docker does (127.0.0.1:5000, "
            + "registry.example.org: https unless loopback) or as a URL (http://10.0.0.5:5000); repeatable")
    List<String> registries = new ArrayList<>();

    @Option(names = "--mirror", description = "Mirror root directory (release builds only)")
    Path mirror;

    @Option(names = "--scratch", description = "Scratch build: unique tag only, never mirrored")
    boolean scratch;

    @Option(names = "--release", description = "Explicit release instead of the Dockerfile's or the next free one")
    String release;

    @Option(names = "--config", description = "Worker YAML config (site labels, registries, SCM allow-list)")
    Path config;

    @Option(names = "--owner", description = "Build owner recorded in the metadata (default: $USER)")
    String owner = System.getProperty("user.name");

    @Option(names = "--log", description = "Build log file (default: a file in the work directory)")
    Path log;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        WorkerConfig cfg;
        BuildRequest request;
        try {
            cfg = config == null ? WorkerConfig.defaults() : new ConfigLoader().load(config);
            // --registry replaces the configured list; a configured entry for the same host lends its credentials.
            WorkerConfig base = cfg;
            List<RegistryConfig> targets = registries.isEmpty() ? cfg.registries()
                    : registries.stream().map(r -> configured(base, RegistryAddress.parse(r, Set.of()).uri()))
                            .toList();
            cfg = cfg.withRegistries(targets);
            SourceSpec spec = SourceSpec.parse(source);
            request = new BuildRequest(spec, target, targets, mirror, scratch, release, owner);
        } catch (SlipwayException e) {
            err.println("slipway-worker: " + e.describe());
            return 2;
        }
        Path logFile = log != null ? log : Files.createTempFile("slipway-build-", ".log");
        ObjectMapper json = Json.mapper();
        ScmAllowList allow = new ScmAllowList(cfg.allowedScms()).plus(request.source().repository());
        Thread buildThread = Thread.currentThread();
        CountDownLatch finished = new CountDownLatch(1);
        // On SIGINT/SIGTERM: interrupt the build (it becomes CANCELED and its exit phase cleans up), then let the
        // JVM exit only once the result has been printed.
        Thread cancel = new Thread(() -> {
            buildThread.interrupt();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "slipway-cancel");
        Runtime.getRuntime().addShutdownHook(cancel);
        try (ContainerBuilder builder = ContainerBuilder.create(cfg, allow, null)) {
            BuildResult result = builder.build(request, logFile, line -> {
                err.println(line);
                err.flush();
            });
            spec.commandLine().getOut().println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
            spec.commandLine().getOut().flush();
            return switch (result.state()) {
                case COMPLETE -> 0;
                case FAILED -> 1;
                case CANCELED -> 3;
            };
        } catch (SlipwayException e) {
            err.println("slipway-worker: " + e.describe());
            return 1;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting because of a cancel; the hook has done its job.
            }
        }
    }

    /** A registry from the command line takes its credentials from a config entry for the same host, if any. */
    private static RegistryConfig configured(WorkerConfig cfg, URI uri) {
        RegistryConfig given = RegistryConfig.of(uri);
        return cfg.registries().stream().filter(r -> r.hostAndPort().equals(given.hostAndPort())).findFirst()
                .orElse(given);
    }
}
