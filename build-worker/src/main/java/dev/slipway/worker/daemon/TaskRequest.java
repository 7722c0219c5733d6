package dev.slipway.worker.daemon;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.common.source.SourceSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A hub task's {@code buildContainer(src, target, opts)} as the pipeline runs it: the source at its commit, the
 * hub's target, scratch, isolated, release, yum_repourls and the resolved koji_parent_build from the opts, this
 * worker's registries and mirror.
 * Options the pipeline does not implement are refused rather than ignored.
 */
record TaskRequest(BuildRequest build, BuildOpts opts) {

    static TaskRequest of(HostProtocol.Assignment task, WorkerConfig config) {
        BuildContainerRequest p = task.parameters();
        if (!"buildContainer".equals(task.method()) || p == null || p.src() == null) {
            throw new SlipwayException(ErrorCode.TASK_PARAMETERS_INVALID, "Task " + task.taskId() + " is "
                    + task.method() + " with parameters " + p + "; this worker runs buildContainer(src, target, opts)");
        }
        BuildOpts opts = p.opts() == null ? new BuildOpts(null, null, null, null, null, null, null, null) : p.opts();
        List<URI> repos = new ArrayList<>();
        for (String url : opts.yumRepourls()) {
            try {
                repos.add(new URI(url));
            } catch (URISyntaxException e) {
                throw new SlipwayException(ErrorCode.TASK_PARAMETERS_INVALID, "Task " + task.taskId()
                        + " has yum_repourls entry '" + url + "', which is not a URL: " + e.getReason());
            }
        }
        if (opts.kojiParentBuild() != null && task.kojiParent() == null) {
            // A hub that did not resolve the NVR to digests: building on whatever the tag now says would not be
            // the parent the submitter named.
            throw unsupported(task, "koji_parent_build without the hub's resolved parent digests");
        }
        String target = task.target() != null ? task.target() : p.target();
        Path mirror = opts.isScratch() || config.daemon().mirror() == null ? null : Path.of(config.daemon().mirror());
        return new TaskRequest(new BuildRequest(SourceSpec.parse(p.src()), target, config.registries(),
                mirror, opts.isScratch(), opts.release(), task.owner(), opts.isIsolated(), repos, task.kojiParent()), opts);
    }

    private static SlipwayException unsupported(HostProtocol.Assignment task, String option) {
        return new SlipwayException(ErrorCode.TASK_OPTION_UNSUPPORTED, "Task " + task.taskId() + " asks for "
                + option + ", which this worker's pipeline does not implement; build without it");
    }
}
