package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.hooks.Flusher.Result;
import dev.slipway.hooks.HubSubmitter.Created;
import dev.slipway.hooks.HubSubmitter.Refused;
import dev.slipway.hooks.HubSubmitter.Retry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The dist-git post-receive hook: each pushed branch mapped in its configuration whose push changed the Dockerfile
 * becomes a {@code buildContainer} request, written durably to the spool first; then the hook gives the hub at most
 * {@code submit_deadline_ms} to take this push's requests (and older ones still queued). The pusher sees the task
 * URL when the hub answered in time and "queued, will be submitted" otherwise; the flusher
 * ({@code slipway-hook flush}, the next push, the systemd timer) submits what is left. It never fails or holds up
 * the push: every problem is a warning and the hook exits 0.
 *
 * <p>Usage (from deploy/hooks/post-receive): {@code PostReceiveHook --config FILE [--git-dir DIR]}.
 */
public final class PostReceiveHook {
    private final HookConfig config;
    private final GitRepository repo;
    private final PrintStream out;
    private final Clock clock;
    private final ObjectMapper json;

    PostReceiveHook(HookConfig config, GitRepository repo, PrintStream out, Clock clock, ObjectMapper json) {
        this.config = config;
        this.repo = repo;
        this.out = out;
        this.clock = clock;
        this.json = json;
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            String configFile = HookCommand.option(args, "--config", System.getenv()
                    .getOrDefault("SLIPWAY_HOOK_CONFIG", "/etc/slipway/hook.yaml"));
            String gitDir = HookCommand.option(args, "--git-dir", System.getenv().getOrDefault("GIT_DIR", "."));
            HookConfig config = HookConfig.load(Path.of(configFile));
            new PostReceiveHook(config, new GitRepository(Path.of(gitDir)), out, Clock.systemUTC(), Json.mapper())
                    .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } catch (SlipwayException | IOException e) {
            out.println("slipway: WARNING: no container builds queued: "
                    + (e instanceof SlipwayException s ? s.describe() : e.toString()));
        }
        out.flush();
        System.exit(0); // also ends a submission still waiting for a hanging hub: its request stays spooled
    }

    /** Handles the push; returns the requests it made. */
    List<BuildRequest> run(BufferedReader input) throws IOException {
        HubSubmitter hub = new HubSubmitter(config, json, config.submitDeadline(), clock);
        if (config.submitDeadlineMs() > 0) {
            Thread warm = new Thread(() -> {
                try {
                    hub.prepare();
                } catch (IOException | RuntimeException e) {
                    // the submission itself reports it
                }
            }, "slipway-hook-prepare");
            warm.setDaemon(true);
            warm.start();
        }
        List<BuildRequest> requests = new PushRequests(config, repo, out, clock).read(input);
        if (requests.isEmpty()) {
            return requests;
        }
        Spool spool = null;
        try {
            spool = Spool.open(config.spoolDir(), json);
        } catch (SlipwayException e) {
            out.println("slipway: WARNING: " + e.describe() + "; trying the hub directly");
        }
        List<Path> mine = new ArrayList<>();
        List<BuildRequest> unspooled = new ArrayList<>();
        for (BuildRequest r : requests) {
            if (spool == null) {
                unspooled.add(r);
                continue;
            }
            try {
                if (spool.add(r) == Spool.Added.REFUSED_EARLIER) {
                    out.println("slipway: WARNING: the hub refused the build of " + r.describe() + " before;"
                            + " an operator must run 'slipway-hook requeue " + r.key() + "' (see 'slipway-hook list')");
                    continue;
                }
                mine.add(spool.pendingFile(r.key()));
            } catch (SlipwayException e) {
                out.println("slipway: WARNING: " + e.describe() + "; trying the hub directly");
                unspooled.add(r);
            }
        }
        Map<String, Result> answered = submitWithinDeadline(hub, spool, mine, unspooled);
        for (BuildRequest r : requests) {
            report(r, answered.get(r.key()), unspooled.contains(r));
        }
        long earlier = answered.values().stream().filter(a -> a.outcome() instanceof Created
                && requests.stream().noneMatch(r -> r.key().equals(a.request().key()))).count();
        if (earlier > 0) {
            out.println("slipway: also submitted " + earlier + " build request(s) queued by earlier pushes");
        }
        return requests;
    }

    /** Submits on another thread and waits at most the deadline; answers what came back by then. */
    private Map<String, Result> submitWithinDeadline(HubSubmitter hub, Spool spool, List<Path> mine,
            List<BuildRequest> unspooled) {
        LinkedBlockingQueue<Result> results = new LinkedBlockingQueue<>();
        if (config.submitDeadlineMs() == 0) {
            return Map.of();
        }
        Thread submitter = new Thread(() -> {
            try {
                for (BuildRequest r : unspooled) {
                    results.add(new Result(r, hub.submit(r)));
                }
                if (spool != null) {
                    List<Path> files = new ArrayList<>(mine);
                    spool.pending().stream().filter(p -> !mine.contains(p)).forEach(files::add);
                    new Flusher(spool, hub).flush(files, results::add);
                }
            } catch (RuntimeException e) {
                // What was not submitted stays spooled; the pusher reads "queued, will be submitted".
                out.println("slipway: WARNING: submitting stopped: " + (e instanceof SlipwayException s
                        ? s.describe() : e.toString()));
            }
        }, "slipway-hook-submit");
        submitter.setDaemon(true);
        submitter.start();
        try {
            submitter.join(config.submitDeadlineMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Result> byKey = new HashMap<>();
        List<Result> done = new ArrayList<>();
        results.drainTo(done);
        done.forEach(r -> byKey.put(r.request().key(), r));
        return byKey;
    }

    private void report(BuildRequest r, Result result, boolean unspooled) {
        String what = r.request().src() + " for " + r.request().target();
        if (result != null && result.outcome() instanceof Created c) {
            out.println("slipway: queued container build task " + c.taskId() + " of " + what
                    + (c.earlier() ? " (submitted before)" : ""));
            out.println("slipway: task: " + config.taskUrls(c.taskId()));
            out.println("slipway: watch it with: slipway watch-task " + c.taskId());
        } else if (result != null && result.outcome() instanceof Refused refused) {
            out.println("slipway: WARNING: the hub refused the container build of " + what + ": " + refused.reason()
                    + (unspooled ? "" : "; kept in the spool (refused/" + r.key() + ".json) for an operator"));
        } else if (unspooled) {
            out.println("slipway: WARNING: the container build of " + what + " was NOT queued: the spool could not"
                    + " be written and the hub did not take it in time" + reason(result) + "; run 'slipway"
                    + " container-build' from a checkout to build it");
        } else {
            out.println("slipway: container build of " + what + ": queued, will be submitted" + reason(result));
        }
    }

    private static String reason(Result result) {
        return result != null && result.outcome() instanceof Retry retry ? " (hub: " + retry.reason() + ")" : "";
    }
}
