package dev.slipway.worker.pipeline;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Assembles the {@link BuildResult} from what the steps left in the state. */
final class BuildResults {
    private BuildResults() {
    }

    static BuildResult of(PipelineRun s, BuildResult.Outcome outcome, BuildResult.Failure failure, Instant finished) {
        BuildResult.Image image = s.image == null ? null : new BuildResult.Image(s.image.imageId().toString(),
                s.image.manifestDigest().toString(), s.image.mediaType(), s.image.config().digest().toString(),
                s.image.layers());
        Map<String, String> labels = new TreeMap<>(s.labels);
        return new BuildResult(outcome, failure, s.request.source().toString(), s.request.target(),
                s.request.scratch(), s.component, s.imageName,
                s.nvr == null ? null : s.nvr.version(), s.nvr == null ? null : s.nvr.release(),
                s.nvr == null ? null : s.nvr.toString(), s.engine.arch(), labels, s.parents, image,
                outcome == BuildResult.Outcome.COMPLETE ? s.tags : null, s.pushes, s.packages,
                s.mirrorDirectory == null ? null : s.mirrorDirectory.toString(), s.log.path().toString(),
                s.started, finished, s.timings, YumRepos.of(s), s.metadata);
    }
}
