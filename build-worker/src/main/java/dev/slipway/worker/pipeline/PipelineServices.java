package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.worker.config.PublishingConfig;
import dev.slipway.worker.config.SiteConfig;
import dev.slipway.worker.contents.ImageContentsReader;
import dev.slipway.worker.engine.ImageEngine;
import dev.slipway.worker.image.DockerArchiveReader;
import dev.slipway.worker.image.OciImageWriter;
import dev.slipway.worker.registry.ImageRegistries;
import dev.slipway.worker.nvr.ReleaseSource;
import dev.slipway.worker.source.SourceFetcher;
import dev.slipway.release.sbom.SbomGenerator;
import dev.slipway.release.signing.EcSigningKey;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.random.RandomGenerator;

/**
 * The collaborators the build steps are made with: ports to the outside world, a pool for work that runs beside
 * the steps, clock and randomness.
 */
public record PipelineServices(
        SourceFetcher sources,
        ImageEngine engine,
        ImageRegistries registries,
        ReleaseSource releases,
        ImageContentsReader packages,
        DockerArchiveReader archives,
        OciImageWriter ociWriter,
        SiteConfig site,
        PublishingConfig publishing,
        EcSigningKey attestationKey,
        SbomGenerator sboms,
        URI builderId,
        ObjectMapper json,
        ExecutorService background,
        Clock clock,
        RandomGenerator random) {
}
