package dev.slipway.worker.pipeline;

import dev.slipway.common.image.ImageReference;
import dev.slipway.release.provenance.AttestationSigner;
import dev.slipway.release.provenance.BuildProvenanceInput;
import dev.slipway.release.provenance.DsseEnvelope;
import dev.slipway.release.signing.EcSigningKey;
import dev.slipway.worker.config.RegistryConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The write_provenance step, beside push (so while the image is pushed): an in-toto statement with SLSA provenance v1
 * for the image (source repository and commit, tag, target, builder, parent digests), DSSE-signed, kept with the build
 * and in the mirror.
 */
final class WriteProvenanceStep implements BuildStep {
    private final EcSigningKey key;
    private final URI builderId;
    private final Clock clock;

    WriteProvenanceStep(EcSigningKey key, URI builderId, Clock clock) {
        this.key = key;
        this.builderId = builderId;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "write_provenance";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        RegistryConfig first = state.request.registries().get(0);
        String ref = state.source.tags().isEmpty() ? null : "refs/tags/" + state.source.tags().get(0);
        List<ImageReference> parents = state.parents.stream().map(p -> ImageReference.parse(p.pinned())).toList();
        BuildProvenanceInput input = new BuildProvenanceInput(
                ImageReference.parse(first.hostAndPort() + "/" + state.repository(first)), state.image.manifestDigest(),
                state.request.source().repository().toString(), state.request.source().commit().hex(), ref,
                state.request.target(), state.request.scratch(), parents, List.of(), builderId,
                state.tags.unique(), state.started, clock.instant(),
                Map.of("engine", "docker " + state.engine.engineVersion(), "arch", state.engine.arch()));
        DsseEnvelope envelope = new AttestationSigner(key).signBuildProvenance(input);
        Path dir = Files.createDirectories(state.workDir.resolve("attestations"));
        Path file = dir.resolve("provenance.intoto.jsonl");
        Files.write(file, (new String(envelope.toJson(), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
        Path pub = dir.resolve("provenance-key.pub.pem");
        Files.writeString(pub, key.verificationKey().pem());
        state.attestations.add(file);
        state.attestations.add(pub);
        state.log.line("SLSA provenance for " + state.image.manifestDigest() + " signed (DSSE, ECDSA P-256)");
    }
}
