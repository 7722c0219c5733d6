package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.image.Digest;
import dev.slipway.worker.image.WrittenFile;
import dev.slipway.worker.mirror.MirrorExporter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The export_mirror step, after push and beside attach_sboms: export a release build to the mirror: the
 * {@code docker load}-able archive, the OCI layout (same manifest digest as pushed), the RPM manifest, the Koji
 * metadata, the final Dockerfile, the log and a CHECKSUM. Scratch builds never reach the mirror (the recipe leaves this
 * step out for them). A mirror directory names a release build and is never overwritten, so, like a tag move, the
 * export first asks the publish fence: a worker whose lease was taken while it built exports nothing (otherwise the
 * host that rebuilds the task finds the NVR's directory taken and fails with MIRROR_EXISTS).
 */
final class ExportMirrorStep implements BuildStep {
    private final ObjectMapper json;
    private final KojiMetadata metadata;
    private final KojiComponents components;
    private final Clock clock;
    private final PublishFence fence;

    ExportMirrorStep(ObjectMapper json, Clock clock, PublishFence fence) {
        this.json = json;
        this.fence = fence;
        this.metadata = new KojiMetadata(json);
        this.components = new KojiComponents(json);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "export_mirror";
    }

    @Override
    public void run(PipelineRun state) throws Exception {
        if (state.request.mirrorRoot() == null) {
            state.log.line("No mirror configured; skipping the mirror export");
            return;
        }
        fence.check();
        String arch = state.engine.arch();
        WrittenFile archive;
        try {
            archive = state.dockerArchive.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        Path staging = Files.createDirectories(state.workDir.resolve("mirror-files"));
        String archiveName = "docker-image-" + state.image.imageId().hex() + "." + arch + ".tar.gz";
        Path rpmManifest = staging.resolve("rpm-manifest.json");
        json.writerWithDefaultPrettyPrinter().writeValue(rpmManifest.toFile(), components.manifestDocument(state));
        Path meta = staging.resolve("metadata.json");
        // The mirror's file and the document the worker sends the hub on close are the same record.
        state.metadata = metadata.of(state, archive, archiveName, clock.instant());
        json.writerWithDefaultPrettyPrinter().writeValue(meta.toFile(), state.metadata);
        Path dockerfile = staging.resolve(state.finalDockerfile.buildInfoFileName());
        Files.writeString(dockerfile, state.finalDockerfile.text());
        // The build's own temporary files are moved (a rename on one file system); the log is still open: copied.
        Map<String, Path> moved = new LinkedHashMap<>();
        moved.put(archiveName, archive.path());
        moved.put("oci", state.image.layout());
        moved.put("rpm-manifest.json", rpmManifest);
        moved.put("metadata.json", meta);
        moved.put(state.finalDockerfile.buildInfoFileName(), dockerfile);
        state.sbomFiles.forEach(f -> moved.put("sbom/" + f.getFileName(), f));
        state.attestations.forEach(f -> moved.put("attestations/" + f.getFileName(), f));
        state.mirrorDirectory = new MirrorExporter(state.request.mirrorRoot()).export(state.imageName,
                state.nvr.versionRelease(), arch, Map.of("build.log", state.log.path()), moved,
                knownDigests(state, archiveName, archive));
        state.log.line("Exported to mirror " + state.mirrorDirectory);
    }

    /**
     * The files whose sha256 is known without reading them: the archive (hashed as it was written) and the OCI
     * layout's blobs, each stored under its own digest by the layout writer, which computed or verified it.
     */
    private static Map<String, Digest> knownDigests(PipelineRun state, String archiveName, WrittenFile archive) {
        Map<String, Digest> known = new HashMap<>();
        known.put(archiveName, archive.sha256());
        List<Digest> blobs = new ArrayList<>();
        blobs.add(state.image.manifestDigest());
        blobs.add(state.image.config().digest());
        state.image.layers().forEach(l -> blobs.add(l.digest()));
        blobs.forEach(d -> known.put("oci/blobs/sha256/" + d.hex(), d));
        return known;
    }
}
