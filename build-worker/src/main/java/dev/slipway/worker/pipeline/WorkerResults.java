package dev.slipway.worker.pipeline;

import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.LayerSize;
import dev.slipway.common.api.WorkerResult;
import dev.slipway.worker.image.Descriptor;
import java.util.List;

/** Maps the pipeline's {@link BuildResult} to the {@link WorkerResult} a task's close or fail reports. */
public final class WorkerResults {
    private WorkerResults() {
    }

    /** The result as the hub stores it, naming the build host that ran it. */
    public static WorkerResult of(BuildResult r, String host) {
        BuildResult.Image i = r.image();
        WorkerResult.Image image = i == null ? null : new WorkerResult.Image(i.id(), i.manifestDigest(), i.mediaType(),
                i.configDigest(), i.layers().stream().map(WorkerResults::layer).toList());
        WorkerResult.Tags tags = r.tags() == null ? null
                : new WorkerResult.Tags(r.tags().unique(), r.tags().primary(), r.tags().floating());
        return new WorkerResult(BuildState.valueOf(r.state().name()), r.error() == null ? null : r.error().fault(),
                r.error() == null ? null : r.error().step(), r.source(), r.target(), r.scratch(), r.component(),
                r.name(), r.version(), r.release(), r.nvr(), r.arch(), host, r.labels(), parents(r.parents()), image,
                tags, pushes(r.registries()), r.mirror(), r.log(), r.started(), r.finished(),
                r.steps() == null ? null : r.steps().stream()
                        .map(s -> new WorkerResult.Step(s.step(), s.millis(), s.outcome())).toList(),
                List.of());
    }

    private static LayerSize layer(Descriptor d) {
        return new LayerSize(d.diffId() == null ? null : d.diffId().toString(), d.digest().toString(), d.size(),
                d.uncompressedSize());
    }

    private static List<WorkerResult.Parent> parents(List<ParentImage> parents) {
        return parents == null ? null : parents.stream().map(p -> new WorkerResult.Parent(p.written(), p.pinned(),
                p.digest() == null ? null : p.digest().toString(), p.mediaType(), p.imageId())).toList();
    }

    private static List<WorkerResult.Push> pushes(List<PushedImage> pushes) {
        return pushes == null ? null : pushes.stream().map(p -> new WorkerResult.Push(p.registry(), p.repository(),
                p.digest().toString(), p.tags(), p.pullSpecs(), p.blobBytesUploaded())).toList();
    }
}
