package dev.slipway.hub.koji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.api.WorkerResult;
import dev.slipway.common.json.Json;
import dev.slipway.hub.fixture.CgSamples;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.http.HubServices;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * koji's five commands replayed by Python's standard-library xmlrpc.client against a real hub; the build host's
 * side (claim, open, log, close or fail) runs through the hub's services as a worker would drive them.
 */
class KojiXmlRpcIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();

    private String base() {
        return "http://127.0.0.1:" + HUB.hub().port();
    }

    private KojiClient koji() {
        return new KojiClient(HUB.hub().port());
    }

    private HubServices services() {
        return HUB.hub().services();
    }

    private long hostId() {
        return ((Number) ((Map<?, ?>) koji().value("getHost", "builder1")).get("id")).longValue();
    }

    /** Claims and opens the one FREE task as builder1 and appends log lines. */
    private void start(long taskId, String... lines) {
        long host = hostId();
        var claimed = services().scheduler().claim(host).orElseThrow(() -> new AssertionError("no task to claim"));
        assertEquals(taskId, claimed.taskId());
        services().scheduler().open(host, taskId);
        services().log().append(host, taskId, List.of(lines));
    }

    private long submit(String component, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("container-build", "alice", HUB.token("alice"),
                HubFixture.TARGET, HubFixture.src(component), "f40", "--nowait"));
        args.addAll(List.of(extra));
        JsonNode out = Python.replay(base(), args.toArray(String[]::new));
        assertEquals(List.of("login", "getAPIVersion", "getBuildTarget", "getTag", "buildContainer"),
                strings(out.get("calls")));
        assertEquals("f40-candidate", out.get("dest_tag").asText());
        return out.get("task_id").asLong();
    }

    @Test
    void containerBuild_closedByWorker_watchTaskinfoAndBuildinfoReadWhatKojiReads() {
        long id = submit("foo");
        start(id, "Step 1/2 : FROM base", "Step 2/2 : RUN true");
        WorkerResult result = Json.mapper().convertValue(Map.of("nvr", "foo-1.0-1", "scratch", false),
                WorkerResult.class);
        CgDocument metadata = Json.mapper().convertValue(CgSamples.metadata("foo", "1.0", "1",
                HubFixture.src("foo"), null, "1".repeat(64), "openssl:3.0.8-1", "bash:5.2-1"), CgDocument.class);
        Long buildId = services().completion().close(hostId(), id, new HostProtocol.Close(result, metadata,
                "/srv/mirror/foo/1.0-1"));

        JsonNode watched = Python.replay(base(), "watch-task", String.valueOf(id));
        assertEquals("CLOSED", watched.get("state").asText());
        assertEquals(List.of(String.valueOf(buildId)), strings(watched.at("/result/koji_builds")));
        List<String> repos = strings(watched.at("/result/repositories"));
        assertTrue(!repos.isEmpty() && repos.get(0).contains("@sha256:"), "pull specs by digest first: " + repos);
        assertEquals(HubFixture.src("foo"), watched.at("/request/0").asText());
        assertEquals(HubFixture.TARGET, watched.at("/request/1").asText());
        assertEquals("f40", watched.at("/request/2/git_branch").asText());

        JsonNode info = Python.replay(base(), "taskinfo", String.valueOf(id));
        assertEquals("foo-1.0-1", info.at("/build/nvr").asText());
        assertEquals(buildId.longValue(), info.at("/build/build_id").asLong());
        assertEquals("builder1", info.get("host").asText());
        assertEquals("alice", info.get("owner").asText());
        assertEquals("DEFAULT", info.at("/files/task.log/0").asText());
        assertEquals(2, info.at("/task/state").asInt());

        JsonNode build = Python.replay(base(), "buildinfo", "foo-1.0-1");
        assertEquals(1, build.at("/build/state").asInt());
        assertEquals(id, build.at("/build/task_id").asLong());
        assertEquals(id, build.at("/build/extra/container_koji_task_id").asLong());
        assertTrue(build.at("/build/extra/typeinfo/image").isObject());
        assertEquals(List.of("f40-candidate"), strings(build.get("tags")));
        assertEquals(1, build.get("archives").size());
        JsonNode archive = build.at("/archives/0");
        assertEquals("sha256:" + "1".repeat(64), archive.at("/extra/docker/digests").elements().next().asText());
        assertTrue(strings(build.at("/rpms/" + archive.get("id").asText())).contains("openssl-3.0.8-1"));
        JsonNode byId = Python.replay(base(), "buildinfo", String.valueOf(buildId));
        assertEquals("foo-1.0-1", byId.at("/build/nvr").asText());
    }

    @Test
    void failedBuild_getTaskResultRaisesTheStoredFaultAsBuildError_andTheLogIsUnderTopurl() {
        long id = submit("foo", "--scratch");
        start(id, "Step 1/1 : RUN false", "error: the command failed");
        services().completion().fail(hostId(), id, new HostProtocol.Fail(new ApiError(5001,
                "ENGINE_BUILD_FAILED", "RUN false returned 1"), null));

        JsonNode watched = Python.replay(base(), "watch-task", String.valueOf(id));
        assertEquals("FAILED", watched.get("state").asText());
        assertEquals(KojiError.BUILD.faultCode(), watched.at("/fault/code").asInt());
        String fault = watched.at("/fault/string").asText();
        assertTrue(fault.contains("RUN false returned 1") && fault.contains("ENGINE_BUILD_FAILED"), fault);
        assertTrue(watched.get("log_url_bytes").asInt() > 20, watched.toString());
        JsonNode direct = Python.replay(base(), "failed-result", String.valueOf(id));
        assertEquals(1005, direct.get("code").asInt());
    }

    @Test
    void anonymousBuildContainer_isAnAuthError_andQueuesNothing() {
        long before = services().tasks().list(new dev.slipway.hub.task.TaskFilter(List.of(), null, null, null, 0,
                1)).total();
        JsonNode out = Python.replay(base(), "anonymous-build", HubFixture.TARGET, HubFixture.src("foo"), "f40");
        assertEquals(1002, out.get("code").asInt());
        assertTrue(out.get("string").asText().contains("AUTH_REQUIRED"), out.toString());
        assertEquals(before, services().tasks().list(new dev.slipway.hub.task.TaskFilter(List.of(), null, null,
                null, 0, 1)).total());
    }

    @Test
    void callnumReplay_isARetryError_andGoingBackwardsASequenceError() {
        JsonNode out = Python.replay(base(), "callnum-replay", "bob", HUB.token("bob"));
        assertEquals(1009, out.at("/replay/code").asInt());
        assertEquals(1008, out.at("/backwards/code").asInt());
        assertEquals("bob", out.get("after").asText());
    }

    @Test
    void multiCall_withOneFailingCall_returnsTheFaultInPlace() {
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        try {
            JsonNode out = Python.replay(base(), "multicall-fault", String.valueOf(id));
            JsonNode sys = out.get("system.multicall");
            assertEquals(id, sys.at("/0/id").asLong());
            assertEquals(1019, sys.at("/1/faultCode").asInt());
            assertTrue(sys.at("/1/faultString").asText().contains("unexpected keyword argument 'bogus'"));
            assertEquals(1, sys.get(2).asInt());
            JsonNode raw = out.get("multiCall");
            assertEquals(id, raw.at("/0/0/id").asLong());
            assertEquals(1000, raw.at("/1/faultCode").asInt());
            assertTrue(raw.at("/1/faultString").asText().startsWith("Invalid method: noSuchMethod"));
        } finally {
            koji().callWith(new String[] {"Authorization", "Bearer " + HUB.token("root")}, "cancelTask", id);
        }
    }

    @Test
    void listTasks_mine_listsTheCallersActiveTasksOrderedByPriority() {
        long low = HUB.submit("alice", "foo", Map.of("scratch", true));
        long high = HUB.submit("alice", "foo", Map.of("scratch", true));
        String[] root = {"Authorization", "Bearer " + HUB.token("root")};
        try {
            // Alice's second task waits in the background (priority 20 + 5), as koji's --background sends.
            koji().callWith(new String[0], "getAPIVersion");
            JsonNode out = Python.replay(base(), "list-tasks", "alice", HUB.token("alice"));
            List<Long> ids = new java.util.ArrayList<>();
            out.get("tasks").forEach(t -> ids.add(t.asLong()));
            assertTrue(ids.contains(low) && ids.contains(high), ids.toString());
            assertEquals("alice", out.get("me").asText());
            assertEquals("container", out.get("channel").asText());
        } finally {
            koji().callWith(root, "cancelTask", low);
            koji().callWith(root, "cancelTask", high);
        }
    }

    @Test
    void buildContainer_priorityIsRelativeTo20_negativeOnlyForAdmins_andRefusedOptsFaultClearly() {
        KojiClient k = koji();
        String[] alice = {"Authorization", "Bearer " + HUB.token("alice")};
        Map<String, Object> opts = Map.of("git_branch", "f40", "scratch", true);
        XmlRpcReader.Response raised = k.callWith(alice, "buildContainer", HubFixture.src("foo"), HubFixture.TARGET,
                opts, KojiClient.kw("priority", -5));
        assertEquals(1004, raised.faultCode());
        assertTrue(raised.faultString().contains("PRIORITY_NOT_ALLOWED"), raised.faultString());
        XmlRpcReader.Response compose = k.callWith(alice, "buildContainer", HubFixture.src("foo"),
                HubFixture.TARGET, Map.of("git_branch", "f40", "compose_ids", List.of(1)));
        assertEquals(1019, compose.faultCode());
        assertTrue(compose.faultString().contains("opts.compose_ids is not supported"), compose.faultString());
        XmlRpcReader.Response channel = k.callWith(alice, "buildContainer", HubFixture.src("foo"),
                HubFixture.TARGET, opts, KojiClient.kw("channel", "rpm-builds"));
        assertEquals(1019, channel.faultCode());
        XmlRpcReader.Response ok = k.callWith(alice, "buildContainer", HubFixture.src("foo"), HubFixture.TARGET,
                opts, KojiClient.kw("priority", 5, "channel", "container-binary"));
        long id = ((Number) ok.value()).longValue();
        try {
            Map<?, ?> task = (Map<?, ?>) k.value("getTaskInfo", id);
            assertEquals(25, task.get("priority"));
            assertEquals(0, task.get("state"));
            assertNull(task.get("host_id"));
            assertTrue(task.containsKey("completion_ts"));
        } finally {
            k.callWith(new String[] {"Authorization", "Bearer " + HUB.token("root")}, "cancelTask", id);
        }
    }

    @Test
    void endpoint_answersKojiVersion_refusesGet_andUnknownKeywordsAreParameterErrors() {
        KojiClient k = koji();
        KojiClient.Answer a = k.post(XmlRpcWriter.call("getAPIVersion").getBytes());
        assertEquals(200, a.status());
        assertEquals(KojiApi.KOJI_VERSION, a.kojiVersion());
        assertEquals(405, k.send(HttpRequest.newBuilder(k.uri()).GET().build()).status());
        XmlRpcReader.Response r = k.call("listTaskOutput", 1, KojiClient.kw("all_volumes", true, "nope", 1));
        assertEquals(1019, r.faultCode());
        assertEquals(1, k.value("getAPIVersion"));
        assertNull(k.value("getBuild", "nosuch-1-1"));
        assertEquals(1000, k.call("getBuild", "nosuch-1-1", KojiClient.kw("strict", true)).faultCode());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> api = (List<Map<String, Object>>) k.value("_listapi");
        assertTrue(api.stream().anyMatch(m -> m.get("name").equals("getTaskInfo")
                && m.get("argdesc").equals("(task_id, request=False, strict=False)")));
        assertNotNull(k.value("system.methodHelp", "buildContainer"));
        assertEquals(404, k.send(HttpRequest.newBuilder(URI.create(base() + "/kojifiles/work/tasks/1/2/task.log"))
                .GET().build()).status());
    }

    @Test
    void loginWithAnotherUsersToken_isAnAuthError_andLogoutEndsTheSession() {
        KojiClient k = koji();
        assertEquals(1002, k.call("login", "bob", HUB.token("alice"), KojiClient.kw("opts", null)).faultCode());
        Map<?, ?> s = (Map<?, ?>) k.value("login", "bob", HUB.token("bob"), KojiClient.kw("opts", null));
        String[] headers = {"Koji-Session-Id", String.valueOf(s.get("session-id")), "Koji-Session-Key",
                (String) s.get("session-key"), "Koji-Session-Callnum", "0"};
        assertEquals("bob", ((Map<?, ?>) k.callWith(headers, "getLoggedInUser").value()).get("name"));
        headers[5] = "1";
        assertTrue(!k.callWith(headers, "logout", KojiClient.kw("session_id", null)).isFault());
        headers[5] = "2";
        assertEquals(1002, k.callWith(headers, "getLoggedInUser").faultCode());
        String[] wrongKey = {"Koji-Session-Id", String.valueOf(s.get("session-id")), "Koji-Session-Key", "x"};
        assertEquals(1002, k.callWith(wrongKey, "getLoggedInUser").faultCode());
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new java.util.ArrayList<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }
}
