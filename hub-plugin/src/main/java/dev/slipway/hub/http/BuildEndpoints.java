package dev.slipway.hub.http;

import dev.slipway.common.api.BuildState;
import dev.slipway.hub.build.BuildFilter;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.build.Evr;
import dev.slipway.hub.naming.Names;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;

/** The build calls: getBuild, listBuilds, the build log, an image's RPMs, which images contain a package. */
final class BuildEndpoints {
    private final BuildQueries builds;
    private final WorkerExecutor workers;
    private final LogStream logs;

    BuildEndpoints(BuildQueries builds, WorkerExecutor workers, LogStream logs) {
        this.builds = builds;
        this.workers = workers;
        this.logs = logs;
    }

    Object list(Call c) {
        Query q = c.query("package", "state", "owner", "target", "nvr", "offset", "limit");
        return builds.list(new BuildFilter(q.text("package"), q.choice("state", BuildState.class), q.text("owner"),
                q.text("target"), q.text("nvr"), (int) q.number("offset", 0, 0, 1_000_000),
                (int) q.number("limit", 50, 1, 1000)));
    }

    Future<?> log(Call c) {
        return workers.executeBlocking(() -> builds.taskOf(c.path("build")), false)
                .compose(task -> logs.serve(c, task));
    }

    Object rpms(Call c) {
        c.query();
        return builds.rpms(c.id("id"));
    }

    Object imagesContaining(Call c) {
        Query q = c.query("older-than", "state", "limit");
        String older = q.text("older-than");
        BuildState state = q.choice("state", BuildState.class);
        return builds.imagesContaining(Names.check("package", c.path("name")), older == null ? null : Evr.parse(older),
                state == null ? BuildState.COMPLETE : state, (int) q.number("limit", 1000, 1, 10_000));
    }
}
