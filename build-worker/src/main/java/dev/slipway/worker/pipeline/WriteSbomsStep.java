package dev.slipway.worker.pipeline;

import dev.slipway.common.image.Architectures;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.release.sbom.Distro;
import dev.slipway.release.sbom.Sbom;
import dev.slipway.release.sbom.SbomGenerator;
import dev.slipway.release.sbom.SbomInput;
import dev.slipway.release.sbom.SbomTool;
import dev.slipway.worker.config.PublishingConfig;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.registry.ImageRegistries;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * After the push: SPDX 2.3 and CycloneDX 1.5 SBOMs of the image (its RPMs with canonical purls, the owning team,
 * where to get help), attached to the image in every registry as referrers and kept for the mirror. Outside the
 * image, so its digest stays what was pushed.
 */
final class WriteSbomsStep implements BuildStep {
    private final ImageRegistries registries;
    private final PublishingConfig config;
    private final ObjectMapper json;

    WriteSbomsStep(ImageRegistries registries, PublishingConfig config, ObjectMapper json) {
        this.registries = registries;
        this.config = config;
        this.json = json;
    }

    @Override
    public String name() {
        return "write_sboms";
    }

    @Override
    public void run(BuildState state) throws Exception {
        PushedImage first = state.pushes.get(0);
        SbomInput input = new SbomInput(state.imageName, state.version, state.nvr.release(),
                Architectures.oci(state.engine.arch()), state.image.manifestDigest(),
                first.registry() + "/" + first.repository(), state.started, state.labels.get("vendor"),
                state.labels.get(AddLabelsStep.BUG_TRACKER), state.labels.get(AddLabelsStep.SUPPORT),
                state.request.source().repository().toString(), state.request.source().commit(),
                state.labels.get("org.opencontainers.image.licenses"),
                Distro.of(config.distroId(), config.distroVersion()),
                state.parents.stream().map(p -> new dev.slipway.release.sbom.ParentImage(
                        p.pinned().substring(0, p.pinned().indexOf('@')), p.digest())).toList(),
                state.packages);
        SbomTool tool = new SbomTool("slipway", "0.1.0", URI.create("https://"
                + state.labels.getOrDefault("authoritative-source-url", "slipway.invalid") + "/spdx"));
        List<Sbom> sboms = new SbomGenerator(tool, json).generate(input);
        Path dir = Files.createDirectories(state.workDir.resolve("sbom"));
        for (Sbom sbom : sboms) {
            state.sbomFiles.add(sbom.writeTo(dir));
        }
        for (int i = 0; i < state.pushes.size(); i++) {
            RegistryConfig registry = state.request.registries().get(i);
            PushedImage pushed = state.pushes.get(i);
            registries.attachSboms(registry, pushed.repository(), pushed.digest(), sboms, state.started);
        }
        state.log.line("SBOMs (SPDX 2.3, CycloneDX 1.5) attached to " + first.registry() + "/" + first.repository()
                + " as referrers of " + state.image.manifestDigest());
    }
}
