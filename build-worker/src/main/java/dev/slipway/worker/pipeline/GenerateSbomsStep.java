package dev.slipway.worker.pipeline;

import dev.slipway.common.image.Architectures;
import dev.slipway.release.sbom.Distro;
import dev.slipway.release.sbom.Sbom;
import dev.slipway.release.sbom.SbomGenerator;
import dev.slipway.release.sbom.SbomInput;
import dev.slipway.worker.config.PublishingConfig;
import dev.slipway.worker.config.RegistryConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The generate_sboms step, beside push: SPDX 2.3 and CycloneDX 1.5 SBOMs of the image (its RPMs with canonical purls,
 * the owning team, where to get help), written while the image is being pushed (they need only its digest);
 * {@link AttachSbomsStep} attaches them once it is there. Outside the image, so its digest stays what was pushed.
 */
final class GenerateSbomsStep implements BuildStep {
    private final PublishingConfig config;
    private final SbomGenerator generator;

    GenerateSbomsStep(PublishingConfig config, SbomGenerator generator) {
        this.config = config;
        this.generator = generator;
    }

    @Override
    public String name() {
        return "generate_sboms";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        RegistryConfig first = state.request.registries().get(0);
        SbomInput input = new SbomInput(state.imageName, state.version, state.nvr.release(),
                Architectures.oci(state.engine.arch()), state.image.manifestDigest(),
                first.hostAndPort() + "/" + state.repository(first), state.started, state.labels.get("vendor"),
                state.labels.get(AddLabelsStep.BUG_TRACKER), state.labels.get(AddLabelsStep.SUPPORT),
                state.request.source().repository().toString(), state.request.source().commit().hex(),
                state.labels.get("org.opencontainers.image.licenses"),
                Distro.of(config.distroId(), config.distroVersion()),
                state.parents.stream().map(p -> new dev.slipway.release.sbom.ParentImage(
                        p.pinned().substring(0, p.pinned().indexOf('@')), p.digest())).toList(),
                state.packages);
        List<Sbom> sboms = generator.generate(input);
        Path dir = Files.createDirectories(state.workDir.resolve("sbom"));
        for (Sbom sbom : sboms) {
            state.sbomFiles.add(sbom.writeTo(dir));
        }
        state.sboms.addAll(sboms);
    }
}
