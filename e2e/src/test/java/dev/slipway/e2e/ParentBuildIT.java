package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.hub.Answer;
import dev.slipway.testing.distgit.DistGitRepo;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code koji_parent_build} and {@code userdata} through the real hub, worker daemons, engine and registry: a child
 * is built on exactly the digest of the parent build it names, even after the parent's tag moved elsewhere.
 */
@ExtendWith(E2eExtension.class)
class ParentBuildIT {
    private static final Duration BUILD = Duration.ofMinutes(3);
    private static final String BASE_DIGEST = "org.opencontainers.image.base.digest";

    @Test
    void childOfAParentBuild_isPinnedToItsDigest_linksIt_andKeepsItsUserdata_whileAnotherRepositoryIsRefused(
            E2eEnvironment env) {
        DistGitRepo base = env.component("pbase", "1.0", "echo from-the-parent-build > /etc/pbase.txt");
        long baseTask = env.submit(base.source(base.head()), Map.of());
        JsonNode baseDone = env.awaitTask(baseTask, BUILD, "CLOSED", "FAILED");
        assertEquals("CLOSED", baseDone.path("state").asText(), () -> env.log(baseTask));
        JsonNode baseBuild = env.http.get("/api/v1/builds/" + baseDone.path("build_id").asText());
        String nvr = baseBuild.path("nvr").asText();
        String parentDigest = baseBuild.path("images").get(0).path("digest").asText();
        String repo = env.registry.hostPort() + "/slipway/pbase";
        // The parent's floating tag now points elsewhere: only the build's digest may be used.
        Tools.skopeo("copy", "--src-tls-verify=false", "--dest-tls-verify=false", "docker://" + env.sample.parent(),
                "docker://" + repo + ":latest");
        assertNotEquals(parentDigest, Tools.registryDigest(repo + ":latest"));

        Answer unknown = env.http.as(env.token("alice")).exchange("POST", "/api/v1/buildContainer", Map.of("src",
                base.source(base.head()), "target", E2eEnvironment.TARGET, "opts", Map.of("git_branch", "f40",
                        "koji_parent_build", "pbase-9.9-9")));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(10070, unknown.code(), unknown.body());

        DistGitRepo child = env.componentWithDockerfile("pchild", """
                FROM %s:latest
                LABEL com.redhat.component="pchild" name="slipway/pchild" version="1.0" \\
                      summary="A child image" description="Built on a koji_parent_build." \\
                      io.k8s.description="Test image" license="MIT"
                RUN cat /etc/pbase.txt
                """.formatted(repo));
        Map<String, Object> opts = new LinkedHashMap<>();
        opts.put("koji_parent_build", nvr);
        opts.put("userdata", Map.of("team", "base-images", "ticket", 42));
        long childTask = env.submit(child.source(child.head()), opts);
        JsonNode childDone = env.awaitTask(childTask, BUILD, "CLOSED", "FAILED");
        assertEquals("CLOSED", childDone.path("state").asText(), () -> env.log(childTask));
        assertTrue(env.log(childTask).contains("from-the-parent-build"), "the RUN saw the parent build's file");
        JsonNode build = env.http.get("/api/v1/builds/" + childDone.path("build_id").asText());
        assertEquals(nvr, build.path("parents").get(0).asText(), "the child links its parent build");
        assertEquals(parentDigest, build.path("images").get(0).path("labels").path(BASE_DIGEST).asText());
        assertEquals(repo + "@" + parentDigest, build.path("extra").path("image").path("parent_image_digests")
                .path(repo + ":latest").asText(), "the metadata records the pinned parent");
        assertEquals("base-images", build.path("extra").path("custom_user_metadata").path("team").asText());
        assertEquals(42, build.path("extra").path("custom_user_metadata").path("ticket").asInt());
        String pushed = repo.replace("pbase", "pchild") + "@" + build.path("images").get(0).path("digest").asText();
        String labels = Tools.skopeo("inspect", "--tls-verify=false", "--format",
                "{{index .Labels \"" + BASE_DIGEST + "\"}}", "docker://" + pushed).strip();
        assertEquals(parentDigest, labels, "the pushed image's own config names the pinned parent");

        DistGitRepo wrong = env.component("pwrong", "1.0", "true");
        long wrongTask = env.submit(wrong.source(wrong.head()), Map.of("koji_parent_build", nvr));
        JsonNode refused = env.awaitTask(wrongTask, BUILD, "CLOSED", "FAILED");
        assertEquals("FAILED", refused.path("state").asText(), () -> env.log(wrongTask));
        assertEquals(3020, refused.path("fault").path("code").asInt(), refused::toString);
        assertEquals(0, env.http.get("/api/v1/builds?package=pwrong&state=COMPLETE").path("total").asInt());
    }
}
