package dev.slipway.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.json.Json;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.contents.ImageContentsReader;
import dev.slipway.worker.engine.DockerEngine;
import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.pipeline.BuildHooks;
import dev.slipway.worker.pipeline.BuildPipeline;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.worker.pipeline.BuildSteps;
import dev.slipway.worker.pipeline.PipelineServices;
import dev.slipway.worker.registry.ClientImageRegistries;
import dev.slipway.worker.nvr.RegistryTagReleaseSource;
import dev.slipway.worker.nvr.ReleaseSource;
import dev.slipway.worker.source.GitSourceFetcher;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.release.sbom.SbomGenerator;
import dev.slipway.release.sbom.SbomTool;
import dev.slipway.release.signing.EcSigningKey;
import dev.slipway.worker.config.PublishingConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * The worker's build API: what {@code slipway-worker build} runs and what the worker daemon calls for each task.
 * Wires the real adapters (Docker Engine, JGit, registries) from the configuration once.
 */
public final class ContainerBuilder implements AutoCloseable {
    private final BuildPipeline pipeline;
    private final ImageEngine engine;
    private final List<ExecutorService> pools;

    private ContainerBuilder(BuildPipeline pipeline, ImageEngine engine, List<ExecutorService> pools) {
        this.pipeline = pipeline;
        this.engine = engine;
        this.pools = pools;
    }

    /**
     * A builder for this configuration.
     *
     * @param allowList the SCMs builds may come from (the daemon passes the configured list only)
     * @param releases where computed releases come from; null for the registries' existing tags (standalone)
     */
    public static ContainerBuilder create(WorkerConfig config, ScmAllowList allowList, ReleaseSource releases) {
        ObjectMapper json = Json.mapper();
        ImageEngine engine = new DockerEngine(config.engine());
        ExecutorService background = Executors.newCachedThreadPool(daemonThreads("slipway-build"));
        ExecutorService compressors = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads("slipway-gzip"));
        ClientImageRegistries registries = new ClientImageRegistries(config.registries(), config.registryClient(), json);
        PipelineServices services = new PipelineServices(new GitSourceFetcher(allowList), engine, registries,
                releases != null ? releases : new RegistryTagReleaseSource(registries), new ImageContentsReader(),
                new DockerArchiveReader(json, compressors, ImageContentsReader::mayReadFileNamed),
                new OciImageWriter(json, background),
                config.site(), config.publishing(), attestationKey(config.publishing()),
                sbomGenerator(config, json),
                URI.create("https://slipway.dev/worker/" + hostName()), json, background, Clock.systemUTC(), new SecureRandom());
        BuildPipeline pipeline = new BuildPipeline(new BuildSteps(services), engine,
                Path.of(config.workDirectory()), Clock.systemUTC());
        return new ContainerBuilder(pipeline, engine, List.of(compressors, background));
    }

    /** Runs one build; the result says how it ended. Interrupt the calling thread to cancel. */
    public BuildResult build(BuildRequest request, Path logFile, Consumer<String> listener) {
        return pipeline.run(request, logFile, listener);
    }

    /**
     * Runs one build with its own release source and NVR reservation (a hub task); interrupt the calling thread
     * to cancel.
     */
    public BuildResult build(BuildRequest request, Path logFile, Consumer<String> listener, BuildHooks hooks) {
        return pipeline.run(request, logFile, listener, hooks);
    }

    /** The Koji arch of the engine this builder builds on (what a daemon registers with the hub). */
    public String arch() {
        return engine.info().arch();
    }

    @Override
    public void close() {
        pools.forEach(ExecutorService::shutdownNow);
        engine.close();
    }

    /** One SBOM generator per worker: it loads the SPDX license list once. */
    private static SbomGenerator sbomGenerator(WorkerConfig config, ObjectMapper json) {
        String authority = config.site().authoritativeSourceUrl() == null ? "slipway.invalid"
                : config.site().authoritativeSourceUrl().replaceFirst("^https?://", "");
        return new SbomGenerator(new SbomTool("slipway", "0.1.0", URI.create("https://" + authority + "/spdx")), json);
    }

    /** The configured provenance key, or one made for this process when none is configured. */
    private static EcSigningKey attestationKey(PublishingConfig publishing) {
        if (publishing.attestationKey() == null) {
            return EcSigningKey.generate();
        }
        try {
            return EcSigningKey.fromPem(Files.readString(Path.of(publishing.attestationKey())));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID, "Tried to read publishing.attestation_key "
                    + publishing.attestationKey() + ": " + e.getMessage(), e);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
