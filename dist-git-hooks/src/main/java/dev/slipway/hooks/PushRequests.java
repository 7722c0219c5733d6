package dev.slipway.hooks;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.error.SlipwayException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a post-receive hook's input and decides which ref updates build: a branch mapped in the configuration,
 * not deleted, whose push changed the Dockerfile. Tags, deleted branches and unmapped branches build nothing;
 * bad input lines are reported and skipped.
 */
final class PushRequests {
    private final HookConfig config;
    private final GitRepository repo;
    private final PrintStream out;
    private final Clock clock;

    PushRequests(HookConfig config, GitRepository repo, PrintStream out, Clock clock) {
        this.config = config;
        this.repo = repo;
        this.out = out;
        this.clock = clock;
    }

    /** The build requests of every input line, in input order. */
    List<BuildRequest> read(BufferedReader input) throws IOException {
        List<BuildRequest> requests = new ArrayList<>();
        int n = 0;
        for (String line; (line = input.readLine()) != null;) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                BuildRequest r = request(RefUpdate.parse(line));
                if (r != null) {
                    requests.add(r);
                }
            } catch (SlipwayException e) {
                out.println("slipway: WARNING: input line " + n + " ignored: " + e.describe());
            }
        }
        return requests;
    }

    private BuildRequest request(RefUpdate u) {
        String branch = u.branch();
        String target = branch == null ? null : config.target(branch);
        if (target == null || u.deleted()) {
            return null;
        }
        if (!repo.touchesDockerfile(u)) {
            out.println("slipway: " + branch + ": the Dockerfile did not change; no container build queued");
            return null;
        }
        String repository = config.sourceUrl(repo.name());
        BuildOpts opts = new BuildOpts(null, null, null, branch, null, null, null, null);
        return BuildRequest.of(repository, u.ref(), u.newId(), new BuildContainerRequest(repository + "#"
                + u.newId(), target, opts, null), clock.instant());
    }
}
