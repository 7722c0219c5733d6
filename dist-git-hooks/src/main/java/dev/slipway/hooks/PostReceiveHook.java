package dev.slipway.hooks;

import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The dist-git post-receive hook: for each pushed branch mapped in its configuration whose push changed the
 * Dockerfile, queues {@code buildContainer(<anonymous url>#<new sha>, <target>, {git_branch})} on the hub. It never
 * fails the push: bad input lines and hub errors are reported as warnings and the hook exits 0.
 *
 * <p>Usage (from deploy/hooks/post-receive): {@code PostReceiveHook --config FILE [--git-dir DIR]}.
 */
public final class PostReceiveHook {
    private final HookConfig config;
    private final GitRepository repo;
    private final HubSubmitter hub;
    private final PrintStream out;

    PostReceiveHook(HookConfig config, GitRepository repo, HubSubmitter hub, PrintStream out) {
        this.config = config;
        this.repo = repo;
        this.hub = hub;
        this.out = out;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            String configFile = option(args, "--config", System.getenv().getOrDefault("SLIPWAY_HOOK_CONFIG",
                    "/etc/slipway/hook.yaml"));
            String gitDir = option(args, "--git-dir", System.getenv().getOrDefault("GIT_DIR", "."));
            HookConfig config = HookConfig.load(Path.of(configFile));
            new PostReceiveHook(config, new GitRepository(Path.of(gitDir)), new HubSubmitter(config, Json.mapper()),
                    out).run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (SlipwayException | IOException e) {
            out.println("slipway: WARNING: no container builds queued: "
                    + (e instanceof SlipwayException s ? s.describe() : e.toString()));
        }
        System.exit(0);
    }

    /** Handles every input line; returns how many builds were queued. */
    int run(BufferedReader input) throws IOException {
        int queued = 0;
        int n = 0;
        for (String line; (line = input.readLine()) != null;) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            RefUpdate u;
            try {
                u = RefUpdate.parse(line);
            } catch (SlipwayException e) {
                out.println("slipway: WARNING: input line " + n + " ignored: " + e.describe());
                continue;
            }
            queued += handle(u) ? 1 : 0;
        }
        return queued;
    }

    private boolean handle(RefUpdate u) {
        String branch = u.branch();
        String target = branch == null ? null : config.target(branch);
        if (target == null || u.deleted()) {
            return false;
        }
        String src = config.sourceUrl(repo.name()) + "#" + u.newId();
        try {
            if (!repo.touchesDockerfile(u)) {
                out.println("slipway: " + branch + ": the Dockerfile did not change; no container build queued");
                return false;
            }
            long task = hub.submit(src, target, branch);
            out.println("slipway: queued container build task " + task + " of " + src + " for " + target);
            out.println("slipway: watch it with: slipway watch-task " + task);
            return true;
        } catch (SlipwayException e) {
            out.println("slipway: WARNING: could not queue a container build of " + branch + " at " + u.newId()
                    + ": " + e.describe() + "; the push itself succeeded; run 'slipway container-build' from a"
                    + " checkout to build it");
            return false;
        }
    }

    private static String option(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }
}
