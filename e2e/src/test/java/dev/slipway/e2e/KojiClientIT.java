package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.json.Json;
import dev.slipway.common.process.Command;
import dev.slipway.testing.distgit.DistGitRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * koji's {@code container-build} (waiting), {@code watch-task}, {@code taskinfo} and {@code buildinfo} call
 * sequences, replayed by Debian's /usr/bin/python3 standard-library xmlrpc.client (scripts/koji-replay.py)
 * against the hub process while real worker processes build on the Docker Engine and push to the registry. One
 * real build serves every assertion.
 */
@ExtendWith(E2eExtension.class)
class KojiClientIT {
    private static JsonNode replay(E2eEnvironment env, String... args) {
        Path script = Path.of("../scripts/koji-replay.py").toAbsolutePath().normalize();
        Command cmd = Command.of("/usr/bin/python3", script.toString(), env.hubUri().toString()).in(env.dir)
                .timeout(Duration.ofMinutes(10));
        for (String a : args) {
            if (a.startsWith("slw_")) {
                cmd.secretArg(a);
            } else {
                cmd.arg(a);
            }
        }
        String out = cmd.output();
        try {
            return Json.mapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void containerBuild_throughTheKojiProtocol_buildsForReal_andEveryCommandReadsTheResult(E2eEnvironment env) {
        DistGitRepo repo = env.component("kojibuilt", "2.1", "echo built by koji > /etc/kojibuilt.txt");
        String src = repo.source(repo.head());

        JsonNode built = replay(env, "container-build", "alice", env.token("alice"), E2eEnvironment.TARGET, src,
                "f40");
        long task = built.get("task_id").asLong();
        assertEquals("CLOSED", built.get("state").asText(), () -> built + "\n" + env.log(task));
        assertEquals(List.of("login", "getAPIVersion", "getBuildTarget", "getTag", "buildContainer", "logout",
                "getTaskInfo"), strings(built.get("calls")).subList(0, 7));
        assertEquals(src, built.at("/request/0").asText());
        JsonNode result = built.get("result");
        assertEquals(1, result.get("koji_builds").size());
        String buildId = result.at("/koji_builds/0").asText();
        String first = result.at("/repositories/0").asText();
        assertTrue(first.contains("@sha256:"), "pull specs by digest first: " + result);
        String digest = first.substring(first.indexOf('@') + 1);
        for (JsonNode pull : result.get("repositories")) {
            assertEquals(digest, Tools.registryDigest(pull.asText()), "pull spec " + pull + " is the built image");
        }
        assertEquals(digest, result.at("/digests/" + env.arch).asText());

        JsonNode watched = replay(env, "watch-task", String.valueOf(task));
        assertEquals("CLOSED", watched.get("state").asText());
        assertEquals(result, watched.get("result"));

        JsonNode info = replay(env, "taskinfo", String.valueOf(task));
        assertEquals(buildId, info.at("/build/build_id").asText());
        assertEquals("kojibuilt-2.1-1", info.at("/build/nvr").asText());
        assertTrue(List.of("w1", "w2").contains(info.get("host").asText()), info.toString());
        assertEquals("alice", info.get("owner").asText());

        JsonNode build = replay(env, "buildinfo", "kojibuilt-2.1-1");
        assertEquals(1, build.at("/build/state").asInt(), "COMPLETE");
        assertEquals(task, build.at("/build/extra/container_koji_task_id").asLong());
        assertEquals(List.of("f40-candidate"), strings(build.get("tags")));
        JsonNode archive = build.at("/archives/0");
        assertEquals(env.arch, archive.get("arch").asText());
        assertEquals(digest, archive.at("/extra/docker/digests").elements().next().asText());
        assertTrue(archive.at("/extra/docker/layer_sizes").size() > 0);
        assertTrue(build.at("/rpms/" + archive.get("id").asText()).size() > 0, "the image's RPMs: " + build);
        // downloadTaskOutput (koji watch-logs) streams the task's log.
        String head = info.get("log_head").asText();
        assertTrue(!head.isBlank() && env.log(task).contains(head), head);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
