package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import dev.slipway.hooks.HubSubmitter.Created;
import dev.slipway.hooks.HubSubmitter.Refused;
import dev.slipway.hooks.HubSubmitter.Retry;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code slipway-hook}: the operator's side of the hook's spool (docs/hook.md).
 * <pre>
 * slipway-hook flush   [--config FILE]          submit every pending request (exit 1 while requests stay pending
 *                                               or refused ones wait for an operator: the systemd unit shows it)
 * slipway-hook list    [--config FILE]          pending and refused requests, with the refusal reasons
 * slipway-hook requeue [--config FILE] KEY...|--all   give refused requests back to the flusher
 * slipway-hook post-receive [--config FILE] [--git-dir DIR]   the hook itself (what deploy/hooks/post-receive runs)
 * </pre>
 * Exit codes: 0 done, 1 requests left pending or refused, 2 usage or configuration error.
 */
public final class HookCommand {
    private final HookConfig config;
    private final PrintStream out;
    private final ObjectMapper json;

    HookCommand(HookConfig config, PrintStream out, ObjectMapper json) {
        this.config = config;
        this.out = out;
        this.json = json;
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("post-receive")) {
            PostReceiveHook.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one verb; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || !List.of("flush", "list", "requeue").contains(args[0])) {
            err.println("Usage: slipway-hook flush|list|requeue KEY...|--all|post-receive [--config FILE]"
                    + " (see docs/hook.md)");
            return 2;
        }
        HookCommand cmd;
        try {
            String file = option(args, "--config", System.getenv().getOrDefault("SLIPWAY_HOOK_CONFIG",
                    "/etc/slipway/hook.yaml"));
            cmd = new HookCommand(HookConfig.load(Path.of(file)), out, Json.mapper());
        } catch (SlipwayException e) {
            err.println("slipway-hook: " + e.describe());
            return 2;
        }
        try {
            return switch (args[0]) {
                case "flush" -> cmd.flush();
                case "list" -> cmd.list();
                default -> cmd.requeue(operands(args));
            };
        } catch (SlipwayException e) {
            err.println("slipway-hook: " + e.describe());
            return 1;
        }
    }

    /** Submits every pending request, oldest first; stops when the hub does not answer at all. */
    int flush() {
        Spool spool = Spool.open(config.spoolDir(), json);
        spool.removeStaleTemporaries(Duration.ofHours(1));
        List<Path> files = spool.pending();
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        HubSubmitter hub = new HubSubmitter(config, json, Duration.ofSeconds(config.timeoutSeconds()),
                Clock.systemUTC());
        new Flusher(spool, hub).flush(files, r -> {
            String what = r.request().describe() + " (" + r.request().key() + ")";
            if (r.outcome() instanceof Created c) {
                created.incrementAndGet();
                out.println("submitted " + what + ": task " + c.taskId() + (c.earlier() ? " (submitted before)" : "")
                        + " " + config.taskUrls(c.taskId()));
            } else if (r.outcome() instanceof Refused x) {
                refused.incrementAndGet();
                out.println("REFUSED " + what + ": " + x.reason() + "; kept in refused/ for an operator");
            } else if (r.outcome() instanceof Retry x) {
                out.println("pending " + what + ": " + x.reason());
            }
        });
        int left = spool.pending().size();
        int waiting = spool.refused().size();
        out.println("flush: " + created + " submitted, " + refused + " refused, " + left + " pending, " + waiting
                + " refused waiting for an operator");
        return left > 0 || waiting > 0 ? 1 : 0;
    }

    int list() {
        Spool spool = Spool.open(config.spoolDir(), json);
        for (Path p : spool.pending()) {
            out.println("pending " + p.getFileName().toString().replace(".json", ""));
        }
        for (SpoolEntry.Refused r : spool.refused()) {
            out.println("refused " + r.request().key() + " " + r.request().describe() + " " + r.request().repository()
                    + ": " + r.reason());
        }
        return 0;
    }

    int requeue(List<String> keys) {
        Spool spool = Spool.open(config.spoolDir(), json);
        List<String> wanted = keys.equals(List.of("--all"))
                ? spool.refused().stream().map(r -> r.request().key()).toList() : keys;
        if (wanted.isEmpty()) {
            out.println("requeue: nothing to requeue");
            return keys.isEmpty() ? 2 : 0;
        }
        int missing = 0;
        for (String k : wanted) {
            boolean moved = spool.requeue(k);
            out.println((moved ? "requeued " : "no refused request ") + k);
            missing += moved ? 0 : 1;
        }
        return missing > 0 ? 1 : 0;
    }

    /** The value of {@code --name VALUE}, or {@code dflt}. */
    static String option(String[] args, String name, String dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return dflt;
    }

    /** The arguments after the verb that are neither options nor their values. */
    private static List<String> operands(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--config")) {
                i++;
            } else {
                out.add(args[i]);
            }
        }
        return out;
    }
}
