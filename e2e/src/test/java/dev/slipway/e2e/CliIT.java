package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.cli.SlipwayCommand;
import dev.slipway.common.json.Json;
import dev.slipway.testing.distgit.DistGitRepo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The {@code slipway} command against the running hub and workers, as real processes where the process matters
 * (watching a build, Ctrl-C, exit statuses, configuration from the environment and the config file) and in this
 * JVM for the rest: every verb, its {@code --json} shape and its exit status.
 */
@ExtendWith(E2eExtension.class)
class CliIT {
    private static final Pattern CREATED = Pattern.compile("Created task: (\\d+)");

    /** What one slipway run printed and returned. */
    record Run(int exit, String out, String err) {
        String all() {
            return out + err;
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + err, e);
            }
        }
    }

    @Test
    void containerBuild_watchesLive_thenEveryReadVerbAnswersInTextAndJson(E2eEnvironment env) throws Exception {
        String marker = "slipway-cliit-" + System.nanoTime();
        DistGitRepo repo = env.component("cliit", "2.0", "echo " + marker);
        Path checkout = clone(env, repo, "cliit-checkout");
        // The hub and token come from the config file here, the environment elsewhere, flags in-process.
        Path config = Files.writeString(env.dir.resolve("cliit-config.yaml"), "hub: " + env.hubUri() + "\ntoken_file: "
                + env.dir.resolve("alice.token") + "\n");
        Run built = process(env, Map.of("SLIPWAY_CONFIG", config.toString()), checkout, "container-build",
                "--userdata", "{\"ticket\": \"CLI-1\"}");
        assertEquals(0, built.exit(), built.all());
        long task = taskOf(built);
        assertTrue(built.out().contains("Console: " + env.hubUri() + "/console/tasks/" + task), built.out());
        assertTrue(built.out().lines().anyMatch(l -> l.matches("\\[[0-9:]+\\] task " + task + " (FREE|ASSIGNED|OPEN).*")),
                "a status line: " + built.out());
        assertTrue(built.out().lines().anyMatch(l -> l.contains(marker) && !l.contains("RUN")),
                "the engine's output streamed live: " + built.out());
        String digest = Tools.registryDigest(env.registry.hostPort() + "/slipway/cliit:2.0-1");
        assertTrue(built.out().contains("nvr:    cliit-2.0-1"), built.out());
        assertTrue(built.out().contains("pull:   " + env.registry.hostPort() + "/slipway/cliit@" + digest), built.out());
        JsonNode build = run(env, "alice", "build-info", "cliit-2.0-1", "--json").json();
        long buildId = build.path("id").asLong();
        assertTrue(built.out().contains("build:  " + env.hubUri() + "/console/builds/" + buildId), built.out());
        assertEquals("CLI-1", env.task(task).path("parameters").path("opts").path("userdata").path("ticket")
                .asText(), "userdata stored with the task");

        // build-info / list-builds / task-info / list-tasks: the hub's records, documented in docs/cli.md.
        assertEquals("COMPLETE", build.path("state").asText());
        assertEquals(digest, build.path("images").get(0).path("digest").asText());
        JsonNode builds = run(env, null, "list-builds", "--package", "cliit", "--json").json();
        assertEquals(1, builds.path("total").asInt());
        assertEquals("cliit-2.0-1", builds.path("items").get(0).path("nvr").asText());
        assertTrue(run(env, null, "list-builds", "--package", "cliit").out().contains("cliit-2.0-1"));
        assertEquals("CLOSED", run(env, null, "task-info", String.valueOf(task), "--json").json().path("state").asText());
        JsonNode tasks = run(env, null, "list-tasks", "--state", "all", "--owner", "alice", "--json").json();
        assertTrue(tasks.path("items").findValuesAsText("id").contains(String.valueOf(task)), tasks.toString());

        // package-images: which image holds an RPM, older than a version or not.
        JsonNode older = run(env, null, "package-images", "slipway-alpha", "--older-than", "1.0-2", "--json").json();
        assertTrue(older.findValuesAsText("nvr").contains("cliit-2.0-1"), older.toString());
        JsonNode match = older.get(older.findValuesAsText("nvr").indexOf("cliit-2.0-1"));
        assertEquals("1.0", match.path("component").path("version").asText());
        assertTrue(match.path("pull_specs").get(0).asText().endsWith("@" + digest), match.toString());
        JsonNode newer = run(env, null, "package-images", "slipway-alpha", "--older-than", "0.9-1", "--json").json();
        assertFalse(newer.findValuesAsText("nvr").contains("cliit-2.0-1"), newer.toString());
        assertTrue(run(env, null, "package-images", "slipway-alpha").out().contains("slipway-alpha-1.0-1."));
        assertEquals(2, run(env, null, "package-images", "slipway-alpha", "--older-than", "not a version").exit());

        // download: the record, log, RPM components and the mirror's metadata, SBOMs and provenance.
        Path into = env.dir.resolve("cliit-download");
        Run downloaded = run(env, null, "download", "cliit-2.0-1", "--dir", into.toString(), "--json");
        assertEquals(0, downloaded.exit(), downloaded.all());
        List<String> files = downloaded.json().path("files").findValuesAsText("path");
        assertTrue(files.stream().anyMatch(f -> f.matches("rpms-.+\\.json")), files.toString());
        for (String f : List.of("build.json", "build.log", "metadata.json", "rpm-manifest.json", "CHECKSUM")) {
            assertTrue(files.contains(f) && Files.size(into.resolve(f)) > 0, f + " in " + files);
        }
        assertTrue(files.stream().anyMatch(f -> f.startsWith("sbom/")), files.toString());
        assertTrue(files.stream().anyMatch(f -> f.startsWith("attestations/")), "provenance: " + files);
        assertTrue(Files.readString(into.resolve("build.log")).contains(marker));
        assertEquals("cliit", Json.mapper().readTree(into.resolve("metadata.json").toFile()).path("build")
                .path("name").asText());

        // promote --hub: a hub that is down fails nothing; publications push records it later, once.
        String reg = env.registry.hostPort();
        DistGitRepo promotion = DistGitRepo.create(env.dir, "cliit-promotion", "main");
        promotion.commit(Map.of("manifests/cliit/promoter-manifest.yaml", ("registries:\n- name: " + reg
                + "\n  src: true\n- name: " + reg + "/prod\n").getBytes(StandardCharsets.UTF_8),
                "images/cliit/images.yaml", ("- name: slipway/cliit\n  dmap:\n    \"" + digest
                        + "\": [\"2.0-1\"]\n").getBytes(StandardCharsets.UTF_8)), "Promote cliit 2.0-1");
        String audit = env.dir.resolve("cliit-audit.jsonl").toString();
        Run promoted = inProcess(List.of("promote", "--manifests", env.dir.resolve("cliit-promotion-work").toString(),
                "--audit", audit, "--confirm", "--skip-publishing-rules", "--hub", "http://127.0.0.1:9",
                "--token-file", env.dir.resolve("root.token").toString()));
        assertEquals(0, promoted.exit(), promoted.all());
        assertTrue(promoted.out().contains("PROMOTED " + reg + "/prod/slipway/cliit@" + digest), promoted.out());
        assertTrue(promoted.out().contains("could not take 1 publication(s)"), promoted.out());
        assertEquals(0, run(env, null, "build-info", "cliit-2.0-1", "--json").json().path("publications").size());
        Run pushed = run(env, "root", "publications", "push", "--audit", audit);
        assertEquals(0, pushed.exit(), pushed.all());
        assertTrue(pushed.out().contains("1 recorded, 0 already recorded"), pushed.out());
        JsonNode published = run(env, null, "build-info", "cliit-2.0-1", "--json").json().path("publications");
        assertEquals(reg + "/prod/slipway/cliit@" + digest, published.get(0).path("pull_spec").asText());
        assertTrue(run(env, "root", "publications", "push", "--audit", audit).out()
                .contains("0 recorded, 1 already recorded"));
        Run asPackager = run(env, "alice", "publications", "push", "--audit", audit);
        assertEquals(3, asPackager.exit(), "recording is for releng: " + asPackager.all());
    }

    @Test
    void ctrlC_whileWatching_detachesWithoutCanceling_thenCancelResubmitAndTheirExitStatuses(E2eEnvironment env)
            throws Exception {
        DistGitRepo repo = env.component("cliwait", "1.0", "sleep 45");
        Path checkout = clone(env, repo, "cliwait-checkout");
        Path log = env.dir.resolve("cliwait-watch.log");
        Process watching = slipwayProcess(env, Map.of("SLIPWAY_HUB", env.hubUri().toString(), "SLIPWAY_TOKEN_FILE",
                env.dir.resolve("alice.token").toString()), checkout, log, "container-build", "--scratch");
        Waits.until(Duration.ofSeconds(90), "the build to run while watched",
                () -> read(log).contains("] task ") && read(log).matches("(?s).*task \\d+ OPEN.*"), () -> read(log));
        long task = taskOf(new Run(0, read(log), ""));
        new ProcessBuilder("kill", "-INT", String.valueOf(watching.pid())).start().waitFor();
        assertTrue(watching.waitFor(30, TimeUnit.SECONDS), "slipway exits on Ctrl-C");
        assertEquals(130, watching.exitValue(), read(log));
        assertTrue(read(log).contains("Detached from task " + task + "; it goes on. Watch it again with: slipway "
                + "watch-task " + task), read(log));
        assertEquals("OPEN", env.task(task).path("state").asText(), "detaching did not cancel the task");

        Run canceled = run(env, "alice", "cancel", String.valueOf(task));
        assertEquals(0, canceled.exit(), canceled.all());
        Run watched = run(env, "alice", "watch-task", String.valueOf(task));
        assertEquals(5, watched.exit(), "a CANCELED task exits 5: " + watched.all());
        Run again = run(env, "alice", "resubmit", String.valueOf(task), "--nowait");
        assertEquals(0, again.exit(), again.all());
        Matcher m = Pattern.compile("as task (\\d+)").matcher(again.out());
        assertTrue(m.find(), again.out());
        long copy = Long.parseLong(m.group(1));
        assertEquals(task, env.task(copy).path("resubmitted_from").asLong());
        assertEquals(0, run(env, "alice", "cancel", String.valueOf(copy)).exit());

        // Exit statuses of real processes: usage 2 (even with --help), auth 3, unreachable 4.
        assertEquals(2, process(env, Map.of(), env.dir, "no-such-verb", "--help").exit());
        Run anonymous = process(env, Map.of("SLIPWAY_HUB", env.hubUri().toString()), env.dir, "whoami");
        assertEquals(3, anonymous.exit(), anonymous.all());
        assertTrue(anonymous.err().contains("AUTH_REQUIRED"), anonymous.err());
        Run down = process(env, Map.of("SLIPWAY_HUB", "http://127.0.0.1:9"), env.dir, "list-tasks");
        assertEquals(4, down.exit(), down.all());
        Run flagWins = process(env, Map.of("SLIPWAY_HUB", "http://127.0.0.1:9"), env.dir, "list-targets", "--hub",
                env.hubUri().toString(), "--json");
        assertEquals(0, flagWins.exit(), "--hub wins over $SLIPWAY_HUB: " + flagWins.all());
    }

    @Test
    void adminVerbs_hostsTargetsTagsPackagesTokens_withPermissionsAndJson(E2eEnvironment env) throws Exception {
        JsonNode me = run(env, "alice", "whoami", "--json").json();
        assertEquals("alice", me.path("name").asText());
        assertEquals("packager", me.path("roles").get(0).asText());
        assertTrue(run(env, null, "list-targets", "--json").json().findValuesAsText("name")
                .contains(E2eEnvironment.TARGET));
        JsonNode tags = run(env, null, "list-tags", "--json").json();
        assertTrue(tags.findValuesAsText("name").containsAll(List.of("f40-candidate", "f40-container-build")));
        JsonNode hosts = run(env, null, "list-hosts", "--json").json();
        assertTrue(hosts.findValuesAsText("name").containsAll(List.of("w1", "w2")), hosts.toString());
        assertTrue(run(env, null, "list-hosts").out().contains("w1"));

        Run notAdmin = run(env, "alice", "edit-host", "w2", "--disable");
        assertEquals(3, notAdmin.exit(), notAdmin.all());
        assertTrue(notAdmin.err().contains("PERMISSION_DENIED"), notAdmin.err());
        Run disabled = run(env, "root", "edit-host", "w2", "--disable", "--capacity", "3");
        assertEquals("Host w2: disabled, capacity 3.0", disabled.out().strip(), disabled.all());
        assertFalse(env.http.get("/api/v1/hosts/w2").path("enabled").asBoolean());
        assertEquals(0, run(env, "root", "edit-host", "w2", "--enable", "--capacity", "4").exit());
        assertTrue(env.http.get("/api/v1/hosts/w2").path("enabled").asBoolean());
        assertEquals(2, run(env, "root", "edit-host", "w2").exit(), "nothing to change is a usage error");

        DistGitRepo repo = env.component("cliblocked", "1.0", "true");
        Path checkout = clone(env, repo, "cliblocked-checkout");
        assertEquals(0, run(env, "root", "block-pkg", "f40-candidate", "cliblocked").exit());
        JsonNode pkgs = run(env, null, "list-tags", "--packages", "f40-candidate", "--json").json();
        JsonNode entry = pkgs.get(pkgs.findValuesAsText("name").indexOf("cliblocked"));
        assertTrue(entry.path("blocked").asBoolean(), entry.toString());
        Run blocked = run(env, "alice", "container-build", "--path", checkout.toString(), "--scratch", "--nowait");
        assertEquals(1, blocked.exit(), blocked.all());
        assertTrue(blocked.err().contains("PACKAGE_BLOCKED"), blocked.err());
        assertEquals(0, run(env, "root", "unblock-pkg", "f40-candidate", "cliblocked").exit());
        Run unblocked = run(env, "alice", "container-build", "--path", checkout.toString(), "--scratch", "--nowait",
                "--background");
        assertEquals(0, unblocked.exit(), unblocked.all());
        long t = taskOf(unblocked);
        assertEquals(25, env.task(t).path("priority").asInt(), "--background queues behind the default 20");
        run(env, "alice", "cancel", String.valueOf(t));

        Path token = env.dir.resolve("cliit-extra.token");
        assertEquals(0, run(env, "root", "create-token", "--user", "alice", "--out", token.toString()).exit());
        assertEquals(0, runWithToken(env, token, "whoami").exit());
        JsonNode listed = run(env, "root", "list-tokens", "--json").json();
        long id = -1;
        for (JsonNode n : listed) {
            if ("alice".equals(n.path("user").asText()) && !n.hasNonNull("revoked")) {
                id = Math.max(id, n.path("id").asLong());
            }
        }
        assertEquals(0, run(env, "root", "revoke-token", String.valueOf(id)).exit());
        Run revoked = runWithToken(env, token, "whoami");
        assertEquals(3, revoked.exit(), revoked.all());
        assertTrue(revoked.err().contains("AUTH_INVALID_TOKEN"), revoked.err());
    }

    private static Path clone(E2eEnvironment env, DistGitRepo repo, String name) {
        Path checkout = env.dir.resolve(name);
        Git.run(env.dir, "clone", "-q", repo.bare().toString(), checkout.toString());
        return checkout;
    }

    private static long taskOf(Run r) {
        Matcher m = CREATED.matcher(r.out());
        assertTrue(m.find(), r.all());
        return Long.parseLong(m.group(1));
    }

    /** {@code slipway ARGS} in this JVM, as {@code who} (null: anonymous). */
    private static Run run(E2eEnvironment env, String who, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--hub", env.hubUri().toString()));
        if (who != null) {
            all.addAll(List.of("--token-file", env.dir.resolve(who + ".token").toString()));
        }
        return inProcess(all);
    }

    private static Run runWithToken(E2eEnvironment env, Path token, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--hub", env.hubUri().toString(), "--token-file", token.toString()));
        return inProcess(all);
    }

    private static Run inProcess(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = SlipwayCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code slipway ARGS} as its own process in {@code dir}, with only {@code env}'s SLIPWAY_ variables. */
    private static Run process(E2eEnvironment env, Map<String, String> vars, Path dir, String... args)
            throws Exception {
        Path log = Files.createTempFile(env.dir, "slipway-", ".out");
        Path err = Files.createTempFile(env.dir, "slipway-", ".err");
        Process p = start(env, vars, dir, log, err, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("slipway " + List.of(args) + " did not finish: " + read(log) + read(err));
        }
        return new Run(p.exitValue(), read(log), read(err));
    }

    private static Process slipwayProcess(E2eEnvironment env, Map<String, String> vars, Path dir, Path log,
            String... args) throws IOException {
        return start(env, vars, dir, log, log, args);
    }

    private static Process start(E2eEnvironment env, Map<String, String> vars, Path dir, Path out, Path err,
            String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SlipwayCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (out.equals(err)) {
            pb.redirectErrorStream(true).redirectOutput(out.toFile());
        } else {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        }
        Map<String, String> e = pb.environment();
        e.keySet().removeIf(k -> k.startsWith("SLIPWAY_"));
        e.put("HOME", env.dir.toString()); // no ~/.config/slipway of the machine's user
        e.putAll(new HashMap<>(vars));
        return pb.start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
