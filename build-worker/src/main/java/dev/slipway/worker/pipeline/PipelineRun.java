package dev.slipway.worker.pipeline;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.image.Nvr;
import dev.slipway.release.sbom.Sbom;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.dockerfile.Dockerfile;
import dev.slipway.worker.dockerfile.FinalDockerfile;
import dev.slipway.worker.yum.YumRepoFile;
import dev.slipway.worker.dockerfile.ImageLabels;
import dev.slipway.common.api.CgDocument;
import dev.slipway.worker.engine.ImageEngine.EngineInfo;
import dev.slipway.common.image.ImageReference;
import dev.slipway.worker.image.KnownLayers;
import dev.slipway.worker.image.OciImage;
import dev.slipway.worker.image.SavedImage;
import dev.slipway.worker.image.WrittenFile;
import dev.slipway.worker.source.SourceFetcher.FetchedSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;

/**
 * One run of the build pipeline: what its steps share, like atomic-reactor's workflow. Each step reads what earlier
 * steps left and adds its results; steps register clean-up actions that the exit phase runs in reverse order. (Not
 * the hub's {@code BuildState}, which is the state of a build record.)
 */
public final class PipelineRun {
    final BuildRequest request;
    final Instant started;
    final Path workDir;
    final BuildLog log;
    final EngineInfo engine;

    FetchedSource source;
    /** The Dockerfile as fetched, and the final one that was built. */
    String originalDockerfile;
    FinalDockerfile finalDockerfile;
    Path buildContext;
    Dockerfile dockerfile;
    /** The validated identity labels; its release is set once computed. */
    ImageLabels identity;
    /** The parent the final image is built on (OCI base.name), or null for FROM scratch. */
    String finalBase;
    /** External parents (not scratch, not a stage) as written, in FROM order. */
    final List<String> parentReferences = new ArrayList<>();
    String component;
    /** The {@code name} label: the repository the image is pushed to. */
    String imageName;
    String version;
    /** The release label's value when the Dockerfile has one. */
    String releaseLabel;
    Nvr nvr;
    boolean releaseComputed;
    final Map<String, String> labels = new LinkedHashMap<>();
    final Map<String, String> annotations = new LinkedHashMap<>();
    final List<ParentImage> parents = new ArrayList<>();
    /** The fetched yum_repourls files, in request order; empty without the option. */
    final List<YumRepoFile> yumRepos = new ArrayList<>();
    /** The final base parent's layers as its registry holds them (reused instead of re-compressed). */
    KnownLayers baseLayers = KnownLayers.none();
    /** The final base parent's repository when it lives in a registry the image is pushed to (blobs mount). */
    ImageReference baseRepository;
    TagPlan tags;
    String engineTag;
    /** The image the engine built: the published image before the final Dockerfile's last instructions. */
    String engineImageId;
    OciImage image;
    /**
     * The image as {@code docker save} wrote it, completed as soon as its layer tars are on disk (before the OCI
     * layout is written), so reading the packages from the layers runs beside the compression.
     */
    final CompletableFuture<SavedImage> saved = new CompletableFuture<>();
    /** Completed once nothing reads the saved layer tars any more; the save step deletes them then. */
    final CompletableFuture<Void> layersRead = new CompletableFuture<>();
    /** The gzipped docker archive for the mirror, being written in the background. */
    Future<WrittenFile> dockerArchive;
    PackageManifest packages;
    final List<PushedImage> pushes = new ArrayList<>();
    Path mirrorDirectory;
    /** The content-generator metadata written to the mirror (release builds only). */
    CgDocument metadata;
    /** The SBOM files written for this build (SPDX, CycloneDX). */
    final List<Path> sbomFiles = new ArrayList<>();
    final List<Sbom> sboms = new ArrayList<>();
    /** The signed provenance and the public key that verifies it. */
    final List<Path> attestations = new ArrayList<>();
    final List<BuildResult.StepTiming> timings = new ArrayList<>();
    /** How the steps ended; set before the exit phase runs, so clean-ups can tell a completed build. */
    BuildResult.Outcome outcome;
    private final Deque<Cleanup> cleanups = new ArrayDeque<>();

    PipelineRun(BuildRequest request, Instant started, Path workDir, BuildLog log, EngineInfo engine) {
        this.request = request;
        this.started = started;
        this.workDir = workDir;
        this.log = log;
        this.engine = engine;
    }

    /** Registers an action for the exit phase, which runs them last-registered first. */
    synchronized void onExit(String what, Cleanup action) {
        cleanups.push(new Cleanup() {
            @Override
            public void run() throws Exception {
                action.run();
            }

            @Override
            public String toString() {
                return what;
            }
        });
    }

    synchronized Deque<Cleanup> cleanups() {
        return cleanups;
    }

    /** The repository name the image is pushed as: the name label, under the registry namespace when set. */
    String repository(RegistryConfig registry) {
        String name = imageName;
        return registry.namespace() == null ? name : registry.namespace() + "/" + name;
    }

    /** A clean-up action; failures are logged, never hide the build's own outcome. */
    @FunctionalInterface
    interface Cleanup {
        void run() throws Exception;
    }
}
