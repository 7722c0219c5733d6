package dev.slipway.worker.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.worker.pipeline.BuildRequest;
import dev.slipway.worker.pipeline.BuildResult;
import dev.slipway.worker.pipeline.PushedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code yum_repourls}: every RUN of every stage reads the injected {@code .repo} file, the final image's filesystem
 * has no trace of it, and an unreachable or malformed file fails the build before the engine or a registry is used.
 */
@ExtendWith(SampleEnvironmentExtension.class)
class YumReposIT {
    private static final String REPO = """
            [slipway-test]
            name=Slipway test repository
            baseurl=http://repos.slipway.invalid/test/$basearch/
            enabled=1
            gpgcheck=0
            """;
    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repos/test.repo", x -> answer(x, REPO));
        server.createContext("/repos/broken.repo", x -> answer(x, "<html>not found</html>\n"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void answer(com.sun.net.httpserver.HttpExchange x, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void everyStageReadsTheRepoFile_andTheFinalFilesystemHasNoTraceOfIt(SampleEnvironment env) throws Exception {
        DistGitRepo repo = DistGitRepo.create(env.newDir("yum"), "yum", "f40");
        String commit = repo.commit(Map.of("Dockerfile", ("FROM " + env.sample.parent() + " AS builder\n"
                + "RUN grep -h '^\\[' /etc/yum.repos.d/slipway-*-test.repo > /builder-saw\n"
                + "FROM " + env.sample.parent() + "\n"
                + "LABEL com.redhat.component=yum-container name=slipway/yum version=1.0\n"
                + "COPY --from=builder /builder-saw /builder-saw\n"
                + "USER 1000\n"
                + "RUN grep -h '^baseurl' /etc/yum.repos.d/slipway-*-test.repo > /tmp/final-saw\n")
                .getBytes(StandardCharsets.UTF_8)), "A build that reads its yum repos");
        BuildResult result = env.builder.build(request(env, repo.source(commit), List.of(url("/repos/test.repo"))),
                Files.createTempFile(env.dir, "yum-", ".log"), l -> { });

        assertEquals(BuildResult.Outcome.COMPLETE, result.state(), () -> String.valueOf(result.error()));
        List<CgDocument.YumRepo> used = result.yumRepos();
        assertEquals(1, used.size(), used::toString);
        assertEquals(url("/repos/test.repo").toString(), used.get(0).url());
        assertEquals(List.of("slipway-test"), used.get(0).repos());
        assertTrue(used.get(0).file().matches("slipway-[0-9a-f]{8}-test\\.repo"), used.get(0).file());

        PushedImage pushed = result.registries().get(0);
        String image = pushed.registry() + "/" + pushed.repository() + "@" + pushed.digest();
        Tools.docker("pull", "-q", image);
        String container = Tools.docker("create", image, "/bin/true").strip();
        try {
            String files = Tools.sh("docker export " + container + " | tar -t");
            assertFalse(files.contains(used.get(0).file()), "the repo file is gone from the final filesystem");
            assertFalse(files.contains(".slipway-yum-repos"));
            assertEquals("[slipway-test]\n", Tools.sh("docker export " + container + " | tar -xO builder-saw"),
                    "the first stage's RUN read it");
            assertEquals("baseurl=http://repos.slipway.invalid/test/$basearch/\n",
                    Tools.sh("docker export " + container + " | tar -xO tmp/final-saw"),
                    "the final stage's RUN (as a non-root user) read it");
            assertEquals("1000", Tools.docker("image", "inspect", "--format", "{{.Config.User}}", image).strip(),
                    "the stage's USER is restored after the clean-up");
        } finally {
            Tools.docker("rm", container);
            Tools.docker("rmi", image);
        }
    }

    @Test
    void unreachableRepoFile_failsBeforeTheEngine_withItsCode_andNoRegistryWrite(SampleEnvironment env) {
        failsWith(env, url("/repos/missing.repo"), ErrorCode.YUM_REPO_UNREACHABLE, "HTTP 404");
    }

    @Test
    void malformedRepoFile_failsBeforeTheEngine_withItsCode_andNoRegistryWrite(SampleEnvironment env) {
        failsWith(env, url("/repos/broken.repo"), ErrorCode.YUM_REPO_INVALID, "line 1");
    }

    private void failsWith(SampleEnvironment env, URI url, ErrorCode code, String detail) {
        int mark = env.open.requests().size();
        BuildResult result;
        try {
            result = env.builder.build(request(env, env.sample.repo().repo().source(env.sample.repo().secondCommit()),
                    List.of(url)), Files.createTempFile(env.dir, "yum-bad-", ".log"), l -> { });
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(BuildResult.Outcome.FAILED, result.state());
        assertEquals("fetch_yum_repos", result.error().step());
        assertEquals(code.code(), result.error().code());
        assertTrue(result.error().message().contains(url.toString()) && result.error().message().contains(detail),
                result.error().message());
        assertTrue(result.steps().stream().noneMatch(s -> s.step().equals("build_image")), "the engine never ran");
        long writes = env.open.requestsSince(mark).stream()
                .filter(r -> !r.method().equals("GET") && !r.method().equals("HEAD")).count();
        assertEquals(0, writes, "nothing was pushed");
    }

    private static BuildRequest request(SampleEnvironment env, String source, List<URI> repos) {
        return new BuildRequest(SourceSpec.parse(source), "f40-container-candidate",
                List.of(SampleEnvironment.registry(env.open, "yum-it")), null, true, null, "packager", false, repos);
    }
}
