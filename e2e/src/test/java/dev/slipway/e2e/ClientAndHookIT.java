package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testing.distgit.DistGitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packager's tools against the running hub and workers: {@code slipway container-build} in a real dist-git
 * checkout (watching the engine's output live), and the post-receive hook run by a real {@code git push}.
 */
@ExtendWith(E2eExtension.class)
class ClientAndHookIT {
    private static final Pattern QUEUED = Pattern.compile("queued container build task (\\d+) of (\\S+) for (\\S+)");

    @Test
    void containerBuild_fromACheckout_refusesDirtyOrUnpushed_thenWatchesTheEngineBuild(E2eEnvironment env)
            throws Exception {
        String marker = "slipway-cli-engine-" + System.nanoTime();
        DistGitRepo repo = env.component("clitool", "1.0", "echo " + marker);
        Path checkout = env.dir.resolve("clitool-checkout");
        Git.run(env.dir, "clone", "-q", repo.bare().toString(), checkout.toString());
        Files.writeString(checkout.resolve("notes.txt"), "not committed\n");
        E2eEnvironment.Run dirty = env.slipway("alice", "container-build", "--path", checkout.toString());
        assertEquals(2, dirty.exit(), dirty.err());
        assertTrue(dirty.err().contains("CHECKOUT_NOT_READY") && dirty.err().contains("uncommitted"), dirty.err());
        Git.run(checkout, "add", "notes.txt");
        Git.run(checkout, "commit", "-q", "-m", "Notes");
        E2eEnvironment.Run unpushed = env.slipway("alice", "container-build", "--path", checkout.toString());
        assertEquals(2, unpushed.exit(), unpushed.err());
        assertTrue(unpushed.err().contains("not pushed"), unpushed.err());
        Git.run(checkout, "push", "-q", "origin", "f40");

        E2eEnvironment.Run built = env.slipway("alice", "container-build", "--path", checkout.toString());
        assertEquals(0, built.exit(), built.out() + built.err());
        String head = Git.run(checkout, "rev-parse", "HEAD").strip();
        assertTrue(built.out().contains("Created task: "), built.out());
        assertTrue(built.out().contains("clitool.git#" + head), "src is the remote URL at the full HEAD sha");
        assertTrue(built.out().lines().anyMatch(l -> l.contains("engine:") && l.contains(marker)
                && !l.contains("RUN")), "the engine's own output streamed: " + built.out());
        assertTrue(built.out().contains("CLOSED"), built.out());

        E2eEnvironment.Run info = env.slipway("alice", "build-info", "clitool-1.0-1");
        assertEquals(0, info.exit(), info.err());
        String digest = Tools.registryDigest(env.registry.hostPort() + "/slipway/clitool:1.0-1");
        assertTrue(info.out().contains("pull: " + env.registry.hostPort() + "/slipway/clitool@" + digest),
                info.out());
        assertTrue(info.out().contains("State: COMPLETE"), info.out());
        E2eEnvironment.Run missing = env.slipway("alice", "build-info", "clitool-9-9");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("BUILD_NOT_FOUND (10012)"), missing.err());
    }

    @Test
    void postReceiveHook_queuesBuildsForDockerfilePushesOnMappedBranches_andNeverBlocksThePush(E2eEnvironment env)
            throws Exception {
        DistGitRepo repo = DistGitRepo.create(env.distGit, "hooked", "f40");
        env.slipway("root", "add-pkg", "f40-candidate", "hooked", "--owner", "alice");
        Path bare = repo.bare();
        Path hook = bare.resolve("hooks/post-receive");
        Files.copy(Path.of("..", "deploy", "hooks", "post-receive"), hook, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(hook.toFile().setExecutable(true));
        writeHookConfig(env, bare, env.hubUri().toString());
        Path work = env.distGit.resolve("hooked-work");
        Map<String, String> hookEnv = Map.of("SLIPWAY_HOOK_CP", System.getProperty("java.class.path"));

        Files.writeString(work.resolve("Dockerfile"), env.dockerfile("hooked", "1.0", "true"));
        Git.run(work, "add", "-A");
        Git.run(work, "commit", "-q", "-m", "Import hooked");
        String pushed = Git.run(work, hookEnv, "push", "origin", "f40");
        String sha = Git.run(work, "rev-parse", "HEAD").strip();
        Matcher m = QUEUED.matcher(pushed);
        assertTrue(m.find(), "the hook queued a build: " + pushed);
        long task = Long.parseLong(m.group(1));
        JsonNode params = env.task(task).path("parameters");
        assertEquals(env.distGit.toUri() + "hooked.git#" + sha, params.path("src").asText());
        assertEquals("f40", params.path("opts").path("git_branch").asText());
        assertEquals(E2eEnvironment.TARGET, params.path("target").asText());
        env.http.as(env.token("alice")).exchange("POST", "/api/v1/tasks/" + task + "/cancel", Map.of());

        Files.writeString(work.resolve("README.md"), "docs only\n");
        Git.run(work, "add", "-A");
        Git.run(work, "commit", "-q", "-m", "Docs");
        String docs = Git.run(work, hookEnv, "push", "origin", "f40");
        assertFalse(QUEUED.matcher(docs).find(), docs);
        assertTrue(docs.contains("the Dockerfile did not change"), docs);

        Git.run(work, "checkout", "-q", "-b", "private");
        Files.writeString(work.resolve("Dockerfile"), env.dockerfile("hooked", "1.1", "true"));
        Git.run(work, "commit", "-q", "-am", "Unmapped branch");
        String unmapped = Git.run(work, hookEnv, "push", "origin", "private");
        assertFalse(QUEUED.matcher(unmapped).find(), unmapped);

        writeHookConfig(env, bare, "http://127.0.0.1:9"); // nothing listens there
        Git.run(work, "checkout", "-q", "f40");
        Files.writeString(work.resolve("Dockerfile"), env.dockerfile("hooked", "1.2", "true"));
        Git.run(work, "commit", "-q", "-am", "Hub down");
        String down = Git.run(work, hookEnv, "push", "origin", "f40");
        assertTrue(down.contains("WARNING") && down.contains("HUB_UNREACHABLE"), down);
        assertEquals(Git.run(work, "rev-parse", "HEAD").strip(),
                Git.run(bare, "rev-parse", "refs/heads/f40").strip(), "the push went through");

        // Bad input lines are reported and skipped; the good line is still handled.
        JavaProcess direct = new JavaProcess("hook", "dev.slipway.hooks.PostReceiveHook", List.of("--config",
                bare.resolve("slipway-hook.yaml").toString(), "--git-dir", bare.toString()),
                env.dir.resolve("hook-direct.log"), Map.of());
        String input = "not a ref update\n" + "0".repeat(40) + " " + sha + " refs/heads/f40 extra\n";
        String out = runWithInput(direct, input);
        assertTrue(out.contains("input line 1 ignored: HOOK_INPUT_INVALID"), out);
        assertTrue(out.contains("input line 2 ignored"), out);
    }

    private static String runWithInput(JavaProcess p, String input) throws Exception {
        Path in = Files.createTempFile("hook-input", ".txt");
        Files.writeString(in, input);
        String out = p.startWithInput(in);
        Files.delete(in);
        return out;
    }

    private static void writeHookConfig(E2eEnvironment env, Path bare, String hub) throws Exception {
        Files.writeString(bare.resolve("slipway-hook.yaml"), """
                hub: %s
                token_file: %s
                anonymous_url: "%s{repo}.git"
                branches:
                  f40: null
                timeout_seconds: 5
                """.formatted(hub, env.dir.resolve("alice.token"), env.distGit.toUri()));
    }

}
