package dev.slipway.worker.it;

import dev.slipway.worker.ContainerBuilder;
import dev.slipway.worker.config.EngineConfig;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.testing.registry.AuthMode;
import dev.slipway.testing.registry.TestRegistry;
import dev.slipway.testing.rpm.FixtureFiles;
import dev.slipway.testing.sample.SampleSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the worker's integration tests share, made once per test run: an open and a token-auth registry, the
 * sample source (base image pushed, dist-git repository) and a {@link ContainerBuilder} on the real engine.
 * Each test class pushes under its own registry namespace so their releases do not interfere.
 */
public final class SampleEnvironment implements AutoCloseable {
    public static final SiteConfig SITE = new SiteConfig("Slipway Test Team",
            "https://images.slipway.invalid/{name}/{version}-{release}", "registry.slipway.invalid", "public",
            "https://bugs.slipway.invalid/{component}", "Test image; no support promised.", "MIT");

    final TestRegistry open;
    final TestRegistry token;
    final Path dir;
    final SampleSource sample;
    final ContainerBuilder builder;

    private SampleEnvironment(TestRegistry open, TestRegistry token, Path dir, SampleSource sample,
            ContainerBuilder builder) {
        this.open = open;
        this.token = token;
        this.dir = dir;
        this.sample = sample;
        this.builder = builder;
    }

    static SampleEnvironment start() {
        TestRegistry open = TestRegistry.start(AuthMode.OPEN);
        TestRegistry token = TestRegistry.start(AuthMode.TOKEN);
        try {
            Path dir = Files.createTempDirectory("slipway-worker-it-");
            SampleSource sample = SampleSource.create(open.hostPort(), dir.resolve("dist-git"));
            WorkerConfig config = new WorkerConfig(List.of(dir.toUri().toString()), SITE,
                    List.of(registry(open, null), registry(token, null)), EngineConfig.defaults(),
                    dir.resolve("work").toString());
            ContainerBuilder builder = ContainerBuilder.create(config, new ScmAllowList(config.allowedScms()), null);
            return new SampleEnvironment(open, token, dir, sample, builder);
        } catch (IOException e) {
            open.close();
            token.close();
            throw new UncheckedIOException(e);
        }
    }

    /** The registry as the worker configures it, with credentials when it needs them, under a namespace. */
    static RegistryConfig registry(TestRegistry registry, String namespace) {
        return new RegistryConfig(URI.create("http://" + registry.hostPort()), namespace,
                registry.requiresAuth() ? registry.username() : null,
                registry.requiresAuth() ? registry.password() : null, null);
    }

    /** Runs a build of the sample repository's commit. */
    BuildResult build(String commit, String namespace, boolean scratch, Path mirror) {
        return build(sample.repo().repo().source(commit), List.of(registry(open, namespace)), scratch, mirror);
    }

    BuildResult build(String source, List<RegistryConfig> registries, boolean scratch, Path mirror) {
        BuildRequest request = new BuildRequest(SourceSpec.parse(source), "f40-container-candidate", registries,
                mirror, scratch, null, "packager");
        try {
            Path log = Files.createTempFile(dir, "build-", ".log");
            List<String> lines = new ArrayList<>();
            return builder.build(request, log, lines::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path newDir(String name) {
        try {
            return Files.createTempDirectory(dir, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        builder.close();
        open.close();
        token.close();
        FixtureFiles.deleteTree(dir);
    }
}
