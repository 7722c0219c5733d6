package dev.slipway.worker.daemon;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.config.WorkerConfig;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.common.source.SourceSpec;
import java.nio.file.Path;

/**
 * A hub task's {@code buildContainer(src, target, opts)} as the pipeline runs it: the source at its commit, the
 * hub's target, scratch and release from the opts, this worker's registries and mirror. Options the pipeline does
 * not implement are refused rather than ignored.
 */
record TaskRequest(BuildRequest build, BuildOpts opts) {

    static TaskRequest of(HostProtocol.Assignment task, WorkerConfig config) {
        BuildContainerRequest p = task.parameters();
        if (!"buildContainer".equals(task.method()) || p == null || p.src() == null) {
            throw new SlipwayException(ErrorCode.TASK_PARAMETERS_INVALID, "Task " + task.taskId() + " is "
                    + task.method() + " with parameters " + p + "; this worker runs buildContainer(src, target, opts)");
        }
        BuildOpts opts = p.opts() == null ? new BuildOpts(null, null, null, null, null, null, null, null) : p.opts();
        if (!opts.yumRepourls().isEmpty()) {
            throw unsupported(task, "yum_repourls");
        }
        if (opts.kojiParentBuild() != null) {
            throw unsupported(task, "koji_parent_build");
        }
        String target = task.target() != null ? task.target() : p.target();
        Path mirror = opts.isScratch() || config.daemon().mirror() == null ? null : Path.of(config.daemon().mirror());
        return new TaskRequest(new BuildRequest(SourceSpec.parse(p.src()), target, config.registries(),
                mirror, opts.isScratch(), opts.release(), task.owner(), opts.isIsolated()), opts);
    }

    private static SlipwayException unsupported(HostProtocol.Assignment task, String option) {
        return new SlipwayException(ErrorCode.TASK_OPTION_UNSUPPORTED, "Task " + task.taskId() + " asks for "
                + option + ", which this worker's pipeline does not implement; build without it");
    }
}
