package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.hub.fixture.CgSamples;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.hub.fixture.HubFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A build task's whole life through the HTTP API, as a worker daemon and a packager see it. */
class TaskLifecycleIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();

    /** Each test starts with an empty queue: leftovers of another test are canceled by an admin. */
    @BeforeEach
    void cancelLeftovers() {
        for (JsonNode t : http().exchange("GET", "/api/v1/tasks?state=active&limit=1000", null).json().get("items")) {
            http().as(HUB.token("root")).exchange("POST", "/api/v1/tasks/" + t.get("id").asLong() + "/cancel", null);
        }
    }

    private HubClient http() {
        return HUB.http();
    }

    private String host() {
        return HUB.token("builder1");
    }

    private JsonNode claim() {
        Answer a = http().as(host()).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 2000));
        assertEquals(200, a.status(), a.body());
        return a.json().get("task");
    }

    @Test
    void submitClaimOpenClose_recordsCompleteBuildWithImagesAndRpms() {
        long id = HUB.submit("alice", "foo", Map.of());
        JsonNode info = http().exchange("GET", "/api/v1/tasks/" + id, null).json();
        assertEquals("FREE", info.get("state").asText());
        assertEquals("buildContainer", info.get("method").asText());
        assertEquals("alice", info.get("owner").asText());
        assertEquals("container", info.get("channel").asText());
        assertEquals(20, info.get("priority").asInt());
        assertEquals(2.0, info.get("weight").asDouble());
        assertEquals(HubFixture.src("foo"), info.get("parameters").get("src").asText());

        JsonNode task = claim();
        assertEquals(id, task.get("task_id").asLong());
        assertEquals("foo", task.get("component").asText());
        assertEquals("f40-candidate", task.get("dest_tag").asText());
        assertEquals("ASSIGNED", http().exchange("GET", "/api/v1/tasks/" + id, null).json().get("state").asText());
        assertEquals(200, http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null).status());
        assertEquals("OPEN", http().exchange("GET", "/api/v1/tasks/" + id, null).json().get("state").asText());

        Answer appended = http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/log",
                Map.of("lines", List.of("Step 1/3 : FROM base", "Step 2/3 : RUN true")));
        assertEquals(2, appended.json().get("next_offset").asLong());
        JsonNode next = http().as(host()).exchange("GET", "/api/v1/host/tasks/" + id + "/nextRelease?name=foo&version=1.0", null).json();
        assertEquals("1", next.get("release").asText());
        JsonNode reservation = http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/reserve",
                Map.of("name", "foo", "version", "1.0", "release", "1")).json();
        assertEquals("foo-1.0-1", reservation.get("nvr").asText());
        assertEquals("BUILDING", http().exchange("GET", "/api/v1/builds/foo-1.0-1", null).json().get("state").asText());

        Answer closed = http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/close", Map.of(
                "result", Map.of("nvr", "foo-1.0-1", "tags", Map.of("unique", "1.0-1")),
                "metadata", CgSamples.metadata("foo", "1.0", "1", HubFixture.src("foo"), null, "1".repeat(64),
                        "openssl:3.0.8-1", "bash:5.2-1"),
                "mirror", "/srv/mirror/foo/1.0-1"));
        assertEquals(200, closed.status(), closed.body());

        JsonNode done = http().exchange("GET", "/api/v1/tasks/" + id, null).json();
        assertEquals("CLOSED", done.get("state").asText());
        assertEquals(reservation.get("build_id").asLong(), done.get("build_id").asLong());
        JsonNode build = http().exchange("GET", "/api/v1/builds/foo-1.0-1", null).json();
        assertEquals("COMPLETE", build.get("state").asText());
        assertEquals(List.of("f40-candidate"), List.of(build.get("koji_tags").get(0).asText()));
        assertEquals("/srv/mirror/foo/1.0-1", build.get("mirror").asText());
        JsonNode image = build.get("images").get(0);
        assertEquals("sha256:" + "1".repeat(64), image.get("digest").asText());
        assertEquals("registry.example/foo@sha256:" + "1".repeat(64), image.get("pull_specs").get(0).asText());
        assertEquals("foo", image.get("labels").get("name").asText());
        assertEquals(4096, image.get("layer_sizes").get(0).get("size").asLong());
        assertEquals(2, image.get("rpm_count").asLong());
        assertEquals(2, build.get("archives").size());
        JsonNode rpms = http().exchange("GET", "/api/v1/images/" + image.get("id").asLong() + "/rpms", null).json();
        assertEquals("bash", rpms.get(0).get("name").asText());

        JsonNode older = http().exchange("GET", "/api/v1/packages/openssl/images?older-than=3.0.9-2", null).json();
        assertEquals(1, older.size());
        assertEquals("foo-1.0-1", older.get(0).get("nvr").asText());
        assertEquals(0, http().exchange("GET", "/api/v1/packages/openssl/images?older-than=3.0.8-1", null).json().size());

        assertEquals(1, http().exchange("GET", "/api/v1/builds?nvr=foo-1.0", null).json().get("total").asLong());
        assertEquals(0, http().exchange("GET", "/api/v1/builds?nvr=foo-1.1", null).json().get("total").asLong());
        assertEquals(id, http().exchange("GET", "/api/v1/tasks?state=all&channel=container", null).json()
                .get("items").get(0).get("id").asLong());
        assertEquals(0, http().exchange("GET", "/api/v1/tasks?channel=none", null).json().get("total").asLong());
        Answer found = http().exchange("GET", "/console/search?q=sha256:" + "1".repeat(64), null);
        assertEquals(303, found.status(), found.body());
        assertEquals("/console/builds/" + build.get("id").asLong(), found.headers().firstValue("Location").orElseThrow());
        String page = http().exchange("GET", "/console/tasks/" + id, null).body();
        assertTrue(page.contains("id=\"time-assigned\">2"), "the page shows when the task was assigned");

        Answer log = http().exchange("GET", "/api/v1/builds/foo-1.0-1/log", null);
        assertEquals("Step 1/3 : FROM base\nStep 2/3 : RUN true\n", log.body());
        assertEquals("true", log.headers().firstValue("X-Slipway-Task-Finished").orElseThrow());
    }

    @Test
    void cancel_reachesHeartbeatAtOnce_andFreesTheNvr() throws Exception {
        long id = HUB.submit("alice", "foo", Map.of("release", "7"));
        assertEquals(id, claim().get("task_id").asLong());
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null);
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/reserve", Map.of("name", "foo", "version", "2.0",
                "release", "7"));
        var waiting = java.util.concurrent.CompletableFuture.supplyAsync(() -> http().as(host()).exchange("POST", "/api/v1/host/heartbeat", Map.of("tasks", List.of(id), "wait_ms", 10_000)));
        Thread.sleep(300);
        assertEquals(200, http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", null).status());
        long canceledAt = System.nanoTime();
        Answer hb = waiting.get();
        long tookMs = (System.nanoTime() - canceledAt) / 1_000_000;
        assertTrue(tookMs < 1000, "heartbeat answered " + tookMs + " ms after the cancel");
        assertEquals("CANCEL", hb.json().get("tasks").get(0).get("action").asText());
        assertEquals("CANCELED", http().exchange("GET", "/api/v1/builds/foo-2.0-7", null).json().get("state").asText());
        assertEquals(409, http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/close", Map.of()).status());

        long again = HUB.submit("alice", "foo", Map.of("release", "7"));
        assertEquals(again, claim().get("task_id").asLong());
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + again + "/open", null);
        Answer reused = http().as(host()).exchange("POST", "/api/v1/host/tasks/" + again + "/reserve",
                Map.of("name", "foo", "version", "2.0", "release", "7"));
        assertEquals(200, reused.status(), reused.body());
    }

    @Test
    void fail_recordsFault_andResubmitQueuesACopy() {
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        assertEquals(id, claim().get("task_id").asLong());
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null);
        Answer failed = http().as(host()).exchange("POST", "/api/v1/host/tasks/" + id + "/fail", Map.of("fault",
                Map.of("code", 5001, "name", "ENGINE_BUILD_FAILED", "message", "RUN false returned 1")));
        assertEquals(204, failed.status(), failed.body());
        JsonNode info = http().exchange("GET", "/api/v1/tasks/" + id, null).json();
        assertEquals("FAILED", info.get("state").asText());
        assertEquals(5001, info.get("fault").get("code").asInt());
        Answer copy = http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/resubmit", null);
        assertEquals(201, copy.status(), copy.body());
        long copyId = copy.json().get("task_id").asLong();
        assertEquals(id, http().exchange("GET", "/api/v1/tasks/" + copyId, null).json().get("resubmitted_from").asLong());
        assertEquals(copyId, claim().get("task_id").asLong());
        assertEquals(204, http().as(host()).exchange("POST", "/api/v1/host/tasks/" + copyId + "/free", null).status());
    }

    @Test
    void setPriority_byReleng_reordersTheQueue_andIsRefusedForPackagersAndFinishedTasks() {
        long first = HUB.submit("alice", "foo", Map.of("scratch", true));
        long second = HUB.submit("alice", "foo", Map.of("scratch", true));
        Answer owner = http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + second + "/priority",
                Map.of("priority", 5));
        assertEquals(403, owner.status(), owner.body());
        Answer raised = http().as(HUB.token("rita")).exchange("POST", "/api/v1/tasks/" + second + "/priority",
                Map.of("priority", 5));
        assertEquals(200, raised.status(), raised.body());
        assertEquals(5, raised.json().get("priority").asInt());
        assertEquals(second, claim().get("task_id").asLong(), "the raised task runs first");
        assertEquals(400, http().as(HUB.token("rita")).exchange("POST", "/api/v1/tasks/" + first + "/priority",
                Map.of("priority", 1001)).status());
        http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + first + "/cancel", null);
        Answer finished = http().as(HUB.token("root")).exchange("POST", "/api/v1/tasks/" + first + "/priority",
                Map.of("priority", 1));
        assertEquals(409, finished.status(), finished.body());
        assertEquals(204, http().as(host()).exchange("POST", "/api/v1/host/tasks/" + second + "/free", null).status());
    }

    @Test
    void claim_withNothingRunnable_answersEmptyAfterItsWait() {
        long start = System.nanoTime();
        Answer a = http().as(host()).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 300));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(a.json().get("task").isNull(), a.body());
        assertTrue(ms >= 250 && ms < 2000, "waited " + ms + " ms");
        assertFalse(a.body().contains("Exception"));
    }

    @Test
    void archOverride_goesToAHostOfThatArch_andIsRefusedWhenNoHostCouldEverTakeIt() {
        Answer multi = http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer",
                HubFixture.build("foo", Map.of("scratch", true, "arch_override", "x86_64 aarch64")));
        assertEquals(422, multi.status(), multi.body());
        assertEquals(10044, multi.code(), multi.body());
        assertTrue(multi.body().contains("one build per arch"), multi.body());

        Answer noHost = http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer",
                HubFixture.build("foo", Map.of("scratch", true, "arch_override", "aarch64")));
        assertEquals(422, noHost.status(), noHost.body());
        assertEquals(10043, noHost.code(), noHost.body());
        assertTrue(noHost.body().contains("no host of channel 'container' has ever been registered with that arch")
                && noHost.body().contains("known arches: x86_64"), noHost.body());
        assertEquals(0, http().exchange("GET", "/api/v1/tasks?state=active&limit=1000", null).json().get("items")
                .size(), "a refused submission leaves no task");

        String arm = HUB.addHost("arm1", List.of("aarch64"), 10.0);
        long id = HUB.submit("alice", "foo", Map.of("scratch", true, "arch_override", "aarch64"));
        assertEquals("aarch64", http().exchange("GET", "/api/v1/tasks/" + id, null).json().get("arch").asText());
        Answer x86 = http().as(host()).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 300));
        assertTrue(x86.json().get("task").isNull(), "an x86_64 host never takes an aarch64 task: " + x86.body());
        Answer a = http().as(arm).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 2000));
        assertEquals(id, a.json().get("task").get("task_id").asLong(), a.body());
        assertEquals(204, http().as(arm).exchange("POST", "/api/v1/host/tasks/" + id + "/free", null).status());
        HUB.admin("PATCH", "/api/v1/hosts/arm1", Map.of("enabled", false));
        long later = HUB.submit("alice", "foo", Map.of("scratch", true, "arch_override", "aarch64"));
        assertEquals("FREE", http().exchange("GET", "/api/v1/tasks/" + later, null).json().get("state").asText(),
                "a disabled host of the arch still counts: it may come back");
    }

    @Test
    void kojiParentBuild_isResolvedToTheCompleteBuildsDigest_handedToTheWorker_andLinkedFromTheChild() {
        for (String pkg : List.of("pbase", "pchild")) {
            HUB.admin("PUT", "/api/v1/tags/f40-candidate/packages/" + pkg, Map.of("owner", "alice"));
        }
        long tasksBefore = http().exchange("GET", "/api/v1/tasks?limit=1", null).json().get("total").asLong();
        Answer unknown = http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer",
                HubFixture.build("pchild", Map.of("koji_parent_build", "pbase-1.0-1")));
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals(10070, unknown.code(), unknown.body());
        assertTrue(unknown.body().contains("not a build this hub knows"), unknown.body());

        long base = HUB.submit("alice", "pbase", Map.of());
        assertEquals(base, claim().get("task_id").asLong());
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + base + "/open", null);
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + base + "/reserve",
                Map.of("name", "pbase", "version", "1.0", "release", "1"));
        Answer building = http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer",
                HubFixture.build("pchild", Map.of("koji_parent_build", "pbase-1.0-1")));
        assertEquals(10070, building.code(), building.body());
        assertTrue(building.body().contains("is BUILDING, not COMPLETE"), building.body());
        assertEquals(tasksBefore + 1, http().exchange("GET", "/api/v1/tasks?limit=1", null).json().get("total")
                .asLong(), "a refused parent queues nothing");
        assertEquals(200, http().as(host()).exchange("POST", "/api/v1/host/tasks/" + base + "/close", Map.of(
                "metadata", CgSamples.metadata("pbase", "1.0", "1", HubFixture.src("pbase"), null, "2".repeat(64),
                        "bash:5.2-1"))).status());

        long child = HUB.submit("alice", "pchild", Map.of("koji_parent_build", "pbase-1.0-1",
                "userdata", Map.of("team", "base-images", "ticket", 42)));
        JsonNode task = claim();
        assertEquals(child, task.get("task_id").asLong());
        JsonNode parent = task.get("koji_parent");
        assertEquals("pbase-1.0-1", parent.get("nvr").asText());
        assertEquals("sha256:" + "2".repeat(64), parent.get("images").get(0).get("digest").asText());
        assertEquals("registry.example/pbase@sha256:" + "2".repeat(64),
                parent.get("images").get(0).get("pull_spec").asText());
        assertEquals("pbase-1.0-1", task.get("parameters").get("opts").get("koji_parent_build").asText());
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + child + "/open", null);
        http().as(host()).exchange("POST", "/api/v1/host/tasks/" + child + "/reserve",
                Map.of("name", "pchild", "version", "1.0", "release", "1"));
        assertEquals(200, http().as(host()).exchange("POST", "/api/v1/host/tasks/" + child + "/close", Map.of(
                "metadata", CgSamples.metadata("pchild", "1.0", "1", HubFixture.src("pchild"), null, "3".repeat(64),
                        "bash:5.2-1"))).status());
        JsonNode build = http().exchange("GET", "/api/v1/builds/pchild-1.0-1", null).json();
        assertEquals(List.of("pbase-1.0-1"), List.of(build.get("parents").get(0).asText()));
        assertEquals(1, build.get("parents").size());
        assertEquals("base-images", build.get("extra").get("custom_user_metadata").get("team").asText());
        assertEquals(42, build.get("extra").get("custom_user_metadata").get("ticket").asInt());
        JsonNode listed = http().exchange("GET", "/api/v1/builds?package=pchild", null).json().get("items").get(0);
        assertEquals("base-images", listed.get("extra").get("custom_user_metadata").get("team").asText(),
                "the list shows the userdata too");
    }
}
