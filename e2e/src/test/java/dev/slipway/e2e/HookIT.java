package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.process.Command;
import dev.slipway.common.process.CommandResult;
import dev.slipway.testing.distgit.DistGitRepo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dist-git post-receive hook run by real {@code git push}es into bare repositories, against a real hub
 * process (no workers: tasks stay FREE and are counted): what builds and what does not, the durable spool when the
 * hub is down or hanging, the flusher, idempotent retries, refusals kept with their reason, HMAC signatures, and 50
 * pushes at once.
 */
class HookIT {
    private static final Pattern QUEUED = Pattern.compile("queued container build task (\\d+) of (\\S+) for (\\S+)");
    private static final String WAITING = "queued, will be submitted";
    private static HookHub hub;
    /** The hook's own runtime classpath (what deploy/hooks/post-receive puts together from target/lib). */
    private static String hookClasspath;

    @BeforeAll
    static void start() {
        hub = HookHub.start();
        hookClasspath = Stream.of(System.getProperty("java.class.path").split(":"))
                .filter(p -> p.matches(".*(dist-git-hooks|/common/target|slipway-common|jackson|snakeyaml).*"))
                .collect(Collectors.joining(":"));
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void push_buildsOnlyDockerfileChangesOnMappedBranches_andPrintsTheTaskUrls() throws Exception {
        Repo r = new Repo("hooked", "hookbot");
        r.config(hub.uri().toString(), "hookbot.token", null);
        long before = hub.tasks("hookbot");
        long task = r.taskOf(r.commitAndPush("f40", "1.0"));
        JsonNode params = hub.http.get("/api/v1/tasks/" + task).path("parameters");
        assertEquals(hub.distGit.toUri() + "hooked.git#" + r.head(), params.path("src").asText());
        assertEquals("f40", params.path("opts").path("git_branch").asText());
        assertEquals(HookHub.TARGET, params.path("target").asText());
        assertEquals(before + 1, hub.tasks("hookbot"));

        Files.writeString(r.work.resolve("README.md"), "docs only\n");
        Git.run(r.work, "add", "-A");
        Git.run(r.work, "commit", "-q", "-m", "Docs");
        String docs = r.push("origin", "f40");
        assertFalse(QUEUED.matcher(docs).find(), docs);
        assertTrue(docs.contains("the Dockerfile did not change"), docs);

        Git.run(r.work, "checkout", "-q", "-b", "private");
        String unmapped = r.commitAndPush("private", "1.1");
        Git.run(r.work, "tag", "v1.1");
        String tag = r.push("origin", "v1.1");
        Git.run(r.work, "checkout", "-q", "f40");
        r.taskOf(r.push("origin", "f40:f41")); // a new mapped branch with a Dockerfile builds
        String deleted = r.push("origin", ":f41");
        for (String quiet : List.of(unmapped, tag, deleted)) {
            assertFalse(QUEUED.matcher(quiet).find() || quiet.contains(WAITING), quiet);
        }
        assertEquals(before + 2, hub.tasks("hookbot"), "only the f40 push and the new f41 branch built");
        assertEquals(List.of(), r.spooled("pending"));
        assertEquals(List.of(), r.spooled("refused"));

        // Bad input lines are reported and skipped; the hook still exits 0.
        CommandResult direct = Command.of(java(), "-cp", hookClasspath, "dev.slipway.hooks.PostReceiveHook",
                "--config", r.config.toString(), "--git-dir", r.bare.toString())
                .stdin(("not a ref update\n" + "0".repeat(40) + " " + r.head() + " refs/heads/f40 extra\n")
                        .getBytes(StandardCharsets.UTF_8)).timeout(Duration.ofSeconds(60)).run();
        assertEquals(0, direct.exitCode(), direct.output());
        assertTrue(direct.output().contains("input line 1 ignored: HOOK_INPUT_INVALID"), direct.output());
        assertTrue(direct.output().contains("input line 2 ignored"), direct.output());
    }

    @Test
    void hubDown_pushSucceedsAndSpools_thenFlushSubmitsExactlyOneTask_andTheNextPushFlushesOlderRequests()
            throws Exception {
        Repo r = new Repo("downed", "hookbot");
        String nobody = "http://127.0.0.1:" + HookHub.freePort();
        r.config(nobody, "hookbot.token", null);
        long before = hub.tasks("hookbot");
        String out = r.commitAndPush("f40", "1.0");
        assertTrue(out.contains(WAITING), out);
        assertEquals(r.head(), Git.run(r.bare, "rev-parse", "refs/heads/f40").strip(), "the push went through");
        List<Path> pending = r.spooled("pending");
        assertEquals(1, pending.size());
        String key = sha256(hub.distGit.toUri() + "downed.git\nrefs/heads/f40\n" + r.head());
        assertEquals(key + ".json", pending.get(0).getFileName().toString(), "one file named by its idempotency key");
        assertEquals(before, hub.tasks("hookbot"));

        r.config(hub.uri().toString(), "hookbot.token", null);
        CommandResult flush = r.hookCommand("flush");
        assertEquals(0, flush.exitCode(), flush.output());
        assertTrue(flush.stdout().contains("flush: 1 submitted, 0 refused, 0 pending"), flush.output());
        assertEquals(before + 1, hub.tasks("hookbot"));
        CommandResult again = r.hookCommand("flush");
        assertTrue(again.stdout().contains("flush: 0 submitted"), again.output());
        assertEquals(before + 1, hub.tasks("hookbot"), "exactly one task");

        r.config(nobody, "hookbot.token", null);
        assertTrue(r.commitAndPush("f40", "1.1").contains(WAITING));
        r.config(hub.uri().toString(), "hookbot.token", null);
        String next = r.commitAndPush("f40", "1.2");
        if (QUEUED.matcher(next).find() && r.spooled("pending").isEmpty()) {
            assertTrue(next.contains("also submitted 1 build request(s) queued by earlier pushes"), next);
        }
        assertEquals(0, r.hookCommand("flush").exitCode(), "whatever the push had no time for");
        assertEquals(before + 3, hub.tasks("hookbot"));
        assertEquals(List.of(), r.spooled("pending"));
    }

    @Test
    void hubHanging_pushReturnsWithin2s_andAFlushWhoseAnswerWasLostMakesNoSecondTask() throws Exception {
        Repo r = new Repo("hanging", "hookbot");
        long before = hub.tasks("hookbot");
        // The same push work against a hub that refuses connections at once: what this machine needs without any
        // waiting (JVM start, git, spool), so the hanging hub's share can be told apart on a loaded machine.
        r.config("http://127.0.0.1:" + HookHub.freePort(), "hookbot.token", null);
        long reference = timed(() -> r.commitAndPush("f40", "0.9"));
        assertEquals(1, r.spooled("pending").size());
        Files.delete(r.spooled("pending").get(0));
        try (SilentHub hanging = new SilentHub(null)) {
            r.config("http://127.0.0.1:" + hanging.port(), "hookbot.token", null);
            String[] out = new String[1];
            long millis = timed(() -> out[0] = r.commitAndPush("f40", "1.0"));
            assertTrue(out[0].contains(WAITING), out[0]);
            assertTrue(millis - reference < 1200, "the hanging hub held the push " + (millis - reference)
                    + " ms longer than a refusing one (" + millis + " ms in all)");
            assertTrue(millis < 2000 || reference > 800, "the push took " + millis + " ms while the hub hung");
        }
        assertEquals(1, r.spooled("pending").size());

        // The hub gets the request and creates the task, but its answer never reaches the flusher.
        try (SilentHub lossy = new SilentHub(hub.port)) {
            r.config("http://127.0.0.1:" + lossy.port(), "hookbot.token", null, 1);
            CommandResult lost = r.hookCommand("flush");
            assertEquals(1, lost.exitCode(), lost.output());
            assertTrue(lost.stdout().contains("1 pending"), lost.output());
            Waits.until(Duration.ofSeconds(30), "the hub to create the task", () -> hub.tasks("hookbot") == before + 1);
        }
        r.config(hub.uri().toString(), "hookbot.token", null);
        CommandResult retried = r.hookCommand("flush");
        assertEquals(0, retried.exitCode(), retried.output());
        assertTrue(retried.stdout().contains("(submitted before)"), retried.output());
        assertEquals(before + 1, hub.tasks("hookbot"), "the retried request answered the same task");
    }

    @Test
    void badTokenAndBadSignature_areRefused_keptWithTheReason_untilAnOperatorRequeues() throws Exception {
        Repo r = new Repo("badtoken", "hookbot");
        Files.writeString(hub.dir.resolve("wrong.token"), "not-a-token-the-hub-issued-0123456789");
        r.config(hub.uri().toString(), "wrong.token", null);
        long before = hub.tasks("hookbot");
        String out = r.commitAndPush("f40", "1.0");
        // The pusher sees the refusal when the hub answered in time; otherwise the flusher meets it.
        assertTrue(out.contains("refused") && out.contains("AUTH_INVALID_TOKEN") || out.contains(WAITING), out);
        CommandResult refusing = r.hookCommand("flush");
        assertEquals(1, refusing.exitCode(), "a refused request waits for an operator: " + refusing.output());
        assertEquals(List.of(), r.spooled("pending"));
        assertEquals(1, r.spooled("refused").stream().filter(p -> p.toString().endsWith(".json")).count());
        String reason = Files.readString(r.spooled("refused").stream().filter(p -> p.toString().endsWith(".reason"))
                .findFirst().orElseThrow());
        assertTrue(reason.contains("AUTH_INVALID_TOKEN (10001)"), reason);
        assertTrue(r.hookCommand("list").stdout().contains("AUTH_INVALID_TOKEN"));
        assertEquals(before, hub.tasks("hookbot"));

        r.config(hub.uri().toString(), "hookbot.token", null);
        assertEquals(0, r.hookCommand("requeue", "--all").exitCode());
        assertEquals(0, r.hookCommand("flush").exitCode());
        assertEquals(before + 1, hub.tasks("hookbot"));

        Repo s = new Repo("signed", "signedbot");
        Files.writeString(hub.dir.resolve("wrong.hmac"), "a-secret-the-hub-does-not-know-0123");
        s.config(hub.uri().toString(), "signedbot.token", "wrong.hmac");
        String badSig = s.commitAndPush("f40", "1.0");
        assertTrue(badSig.contains("refused") && badSig.contains("REQUEST_SIGNATURE_INVALID")
                || badSig.contains(WAITING), badSig);
        assertEquals(1, s.hookCommand("flush").exitCode());
        assertTrue(s.hookCommand("list").stdout().contains("REQUEST_SIGNATURE_INVALID (10008)"));
        assertEquals(0, hub.tasks("signedbot"));
        s.config(hub.uri().toString(), "signedbot.token", "signedbot.hmac");
        s.taskOf(s.commitAndPush("f40", "1.1")); // a correctly signed push builds
        assertEquals(0, s.hookCommand("requeue", "--all").exitCode());
        assertEquals(0, s.hookCommand("flush").exitCode());
        assertEquals(2, hub.tasks("signedbot"));
    }

    @Test
    void fiftyParallelPushes_makeFiftyTasks_withoutDuplicates() throws Exception {
        List<String> branches = IntStream.range(0, 50).mapToObj(i -> String.format("b%02d", i)).toList();
        Repo r = new Repo("fifty", "hookbot", branches);
        r.config(hub.uri().toString(), "hookbot.token", null);
        long before = hub.tasks("hookbot");
        Files.writeString(r.work.resolve("Dockerfile"), dockerfile("fifty", "1.0"));
        Git.run(r.work, "add", "-A");
        Git.run(r.work, "commit", "-q", "-m", "Import");
        String sha = r.head();
        ExecutorService pool = Executors.newFixedThreadPool(branches.size());
        List<Future<String>> pushes = new ArrayList<>();
        for (String b : branches) {
            pushes.add(pool.submit(() -> r.push(r.bare.toString(), sha + ":refs/heads/" + b)));
        }
        for (Future<String> f : pushes) {
            f.get();
        }
        pool.shutdown();
        CommandResult flush = r.hookCommand("flush"); // whatever the hub did not take in time under this load
        assertEquals(0, flush.exitCode(), flush.output());
        assertEquals(before + 50, hub.tasks("hookbot"));
        JsonNode tasks = hub.http.get("/api/v1/tasks?state=all&owner=hookbot&limit=1000").path("items");
        Set<String> built = new HashSet<>();
        for (JsonNode t : tasks) {
            if (t.path("parameters").path("src").asText().contains("/fifty.git#")) {
                assertTrue(built.add(t.path("parameters").path("opts").path("git_branch").asText()), "duplicate " + t);
            }
        }
        assertEquals(Set.copyOf(branches), built);
    }

    private static long timed(ThrowingRunnable work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** A step that may throw. */
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    private static String dockerfile(String component, String version) {
        return """
                FROM registry.slipway.invalid/base@sha256:%s
                LABEL com.redhat.component="%s" name="slipway/%s" version="%s"
                """.formatted("0".repeat(64), component, component, version);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A bare dist-git repository with deploy/hooks/post-receive installed, its package owned by the hook's user. */
    private static final class Repo {
        final Path bare;
        final Path work;
        final Path config;
        final Path spool;
        final List<String> branches;

        Repo(String name, String owner) throws IOException {
            this(name, owner, List.of("f40", "f41"));
        }

        Repo(String name, String owner, List<String> branches) throws IOException {
            DistGitRepo repo = DistGitRepo.create(hub.distGit, name, "f40");
            this.bare = repo.bare();
            this.work = hub.distGit.resolve(name + "-work");
            this.config = bare.resolve("slipway-hook.yaml");
            this.spool = hub.dir.resolve("spool-" + name);
            this.branches = branches;
            Path hook = bare.resolve("hooks/post-receive");
            Files.copy(Path.of("..", "deploy", "hooks", "post-receive"), hook, StandardCopyOption.REPLACE_EXISTING);
            assertTrue(hook.toFile().setExecutable(true));
            hub.addPackage(name, owner);
        }

        void config(String hubUrl, String token, String secret) throws IOException {
            config(hubUrl, token, secret, 10);
        }

        void config(String hubUrl, String token, String secret, int timeoutSeconds) throws IOException {
            Files.writeString(config, """
                    hub: %s
                    token_file: %s
                    anonymous_url: "%s{repo}.git"
                    spool_dir: %s
                    timeout_seconds: %d
                    branches:
                    %s
                    """.formatted(hubUrl, hub.dir.resolve(token), hub.distGit.toUri(), spool, timeoutSeconds,
                    branches.stream().map(b -> "  " + b + ": " + HookHub.TARGET).collect(Collectors.joining("\n")))
                    + (secret == null ? "" : "hmac_secret_file: " + hub.dir.resolve(secret) + "\n"));
        }

        /** Commits a Dockerfile of {@code version} on the current branch and pushes it to {@code branch}. */
        String commitAndPush(String branch, String version) throws IOException {
            Files.writeString(work.resolve("Dockerfile"), dockerfile(bare.getFileName().toString()
                    .replace(".git", ""), version));
            Git.run(work, "add", "-A");
            Git.run(work, "commit", "-q", "-m", "Version " + version);
            return push("origin", branch);
        }

        String push(String remote, String refspec) {
            // Generous: 50 hook JVMs at once on a small shared machine take a while to start.
            return Command.of("git", "push", remote, refspec).in(work).env(Map.of("SLIPWAY_HOOK_CP", hookClasspath))
                    .timeout(Duration.ofMinutes(5)).check().output();
        }

        /**
         * The task a push made: the hook printed it with its URLs when the hub answered within the push's deadline;
         * otherwise (a loaded machine) the hook said it is queued, and the flusher submits it.
         */
        long taskOf(String pushed) {
            Matcher m = QUEUED.matcher(pushed);
            if (m.find()) {
                long task = Long.parseLong(m.group(1));
                assertTrue(pushed.contains(hub.uri() + "/api/v1/tasks/" + task)
                        && pushed.contains(hub.uri() + "/console/tasks/" + task), pushed);
                return task;
            }
            assertTrue(pushed.contains(WAITING), pushed);
            CommandResult flush = hookCommand("flush"); // exit 1 while an older refused request waits: not this one
            Matcher f = Pattern.compile("submitted .*: task (\\d+)").matcher(flush.stdout());
            assertTrue(f.find(), flush.output());
            return Long.parseLong(f.group(1));
        }

        String head() {
            return Git.run(work, "rev-parse", "HEAD").strip();
        }

        List<Path> spooled(String state) throws IOException {
            Path d = spool.resolve(state);
            if (!Files.isDirectory(d)) {
                return List.of();
            }
            try (Stream<Path> files = Files.list(d)) {
                return files.sorted().toList();
            }
        }

        CommandResult hookCommand(String... args) {
            List<String> cmd = new ArrayList<>(List.of(java(), "-cp", hookClasspath, "dev.slipway.hooks.HookCommand"));
            cmd.addAll(List.of(args));
            cmd.addAll(List.of("--config", config.toString()));
            return Command.of(cmd).timeout(Duration.ofSeconds(120)).run();
        }
    }

    /**
     * A hub that never answers: it accepts connections and reads requests; with a {@code forwardTo} port it passes
     * each request on to the real hub and throws the answer away (an answer lost on the way back).
     */
    private static final class SilentHub implements AutoCloseable {
        private final ServerSocket server;
        private final List<Socket> open = new ArrayList<>();
        private final Thread acceptor;

        SilentHub(Integer forwardTo) throws IOException {
            server = new ServerSocket(0);
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = server.accept();
                        synchronized (open) {
                            open.add(client);
                        }
                        if (forwardTo != null) {
                            Socket upstream = new Socket("127.0.0.1", forwardTo);
                            synchronized (open) {
                                open.add(upstream);
                            }
                            pump(client.getInputStream(), upstream.getOutputStream());
                            pump(upstream.getInputStream(), OutputStream.nullOutputStream());
                        }
                    }
                } catch (IOException closed) {
                    // the test closed the server
                }
            }, "silent-hub");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pump(InputStream in, OutputStream out) {
            Thread t = new Thread(() -> {
                try {
                    in.transferTo(out);
                } catch (IOException closed) {
                    // the connection ended
                }
            }, "silent-hub-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }
}
