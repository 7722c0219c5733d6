package dev.slipway.common.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a worker reports when it closes or fails a {@code buildContainer} task, stored as the task's result: the
 * NVR, the image pushed (by digest, with its pull specs and tags) and how each step went. The package list is not
 * here: the content-generator metadata carries it.
 *
 * @param state COMPLETE, FAILED or CANCELED as the worker saw it
 * @param error why the build did not complete; {@code failedStep} the step that failed
 * @param host the build host that ran it
 * @param mirror the mirror directory of a release build
 * @param kojiBuilds the build ids the hub imported (the hub fills it in on close, as Koji does)
 */
public record WorkerResult(
        BuildState state,
        ApiError error,
        String failedStep,
        String source,
        String target,
        Boolean scratch,
        String component,
        String name,
        String version,
        String release,
        String nvr,
        String arch,
        String host,
        Map<String, String> labels,
        List<Parent> parents,
        Image image,
        Tags tags,
        List<Push> registries,
        String mirror,
        String log,
        Instant started,
        Instant finished,
        List<Step> steps,
        List<String> kojiBuilds) {

    public WorkerResult {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        parents = parents == null ? List.of() : List.copyOf(parents);
        registries = registries == null ? List.of() : List.copyOf(registries);
        steps = steps == null ? List.of() : List.copyOf(steps);
        kojiBuilds = kojiBuilds == null ? List.of() : List.copyOf(kojiBuilds);
    }

    /** This result with the build ids the hub imported. */
    public WorkerResult withKojiBuilds(List<String> ids) {
        return new WorkerResult(state, error, failedStep, source, target, scratch, component, name, version, release,
                nvr, arch, host, labels, parents, image, tags, registries, mirror, log, started, finished, steps, ids);
    }

    /** A parent (FROM) image as written and as pinned to the digest its registry served. */
    public record Parent(String written, String pinned, String digest, String mediaType, String imageId) {
    }

    /** The built image: its manifest digest (what is pulled) and config digest (the engine's image id). */
    public record Image(String id, String manifestDigest, String mediaType, String configDigest,
            List<LayerSize> layers) {
        public Image {
            layers = layers == null ? List.of() : List.copyOf(layers);
        }
    }

    /** The tags pushed: the unique tag always, the primary {@code version-release}, then the floating ones. */
    public record Tags(String unique, List<String> primary, List<String> floating) {
        public Tags {
            primary = primary == null ? List.of() : List.copyOf(primary);
            floating = floating == null ? List.of() : List.copyOf(floating);
        }
    }

    /** The image as one registry holds it after the push. */
    public record Push(String registry, String repository, String digest, List<String> tags, List<String> pullSpecs,
            Long blobBytesUploaded) {
        public Push {
            tags = tags == null ? List.of() : List.copyOf(tags);
            pullSpecs = pullSpecs == null ? List.of() : List.copyOf(pullSpecs);
        }
    }

    /** How long a step took and how it ended. */
    public record Step(String step, Long millis, String outcome) {
    }
}
