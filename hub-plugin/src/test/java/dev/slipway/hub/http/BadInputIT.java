package dev.slipway.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.hub.fixture.HubFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A corpus of bad requests: malformed and oversized bodies, unknown keys, bad opts, sources, names, targets,
 * packages, permissions, parameters and tokens. Each gets a 4xx with its stable code, nothing changes, never a 500.
 */
class BadInputIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();
    private static final String GOOD_SRC = HubFixture.src("foo");

    private record Case(String name, String method, String path, String who, Object body, int status, int code) {
    }

    private static Map<String, Object> build(Map<String, Object> opts) {
        return HubFixture.build("foo", opts);
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static String raw(String opts) {
        return "{\"src\":\"" + GOOD_SRC + "\",\"target\":\"" + HubFixture.TARGET + "\",\"opts\":" + opts + "}";
    }

    @Test
    void corpus_refusedWithStableCodes_andNothingChanges() {
        String bc = "/api/v1/buildContainer";
        Map<String, Object> ok = build(Map.of());
        List<Case> cases = List.of(
                new Case("not JSON", "POST", bc, "alice", "{", 400, 10030),
                new Case("array body", "POST", bc, "alice", "[]", 400, 10030),
                new Case("null body", "POST", bc, "alice", "null", 400, 10030),
                new Case("empty body", "POST", bc, "alice", "", 400, 10030),
                new Case("trailing data", "POST", bc, "alice", raw("{\"git_branch\":\"f40\"}") + " x", 400, 10030),
                new Case("duplicate key", "POST", bc, "alice", raw("{\"git_branch\":\"f40\",\"git_branch\":\"x\"}"),
                        400, 10030),
                new Case("unknown top-level key", "POST", bc, "alice", with(ok, "channel", "x"), 400, 10031),
                new Case("unknown opt", "POST", bc, "alice", raw("{\"git_branch\":\"f40\",\"flatpak\":true}"), 400,
                        10031),
                new Case("string for boolean", "POST", bc, "alice", raw("{\"git_branch\":\"f40\",\"scratch\":\"true\"}"),
                        400, 10030),
                new Case("number for string", "POST", bc, "alice", raw("{\"git_branch\":40}"), 400, 10030),
                new Case("no opts", "POST", bc, "alice", with(ok, "opts", null), 400, 10033),
                new Case("no git_branch", "POST", bc, "alice", raw("{\"scratch\":true}"), 400, 10033),
                new Case("scratch and isolated", "POST", bc, "alice", build(Map.of("scratch", true, "isolated", true,
                        "release", "1.1")), 400, 10033),
                new Case("isolated without release", "POST", bc, "alice", build(Map.of("isolated", true)), 400, 10033),
                new Case("isolated release format", "POST", bc, "alice", build(Map.of("isolated", true, "release", "7")),
                        400, 1006),
                new Case("bad release", "POST", bc, "alice", build(Map.of("release", "1-1")), 400, 1006),
                new Case("arch_override on a release build", "POST", bc, "alice", build(Map.of("arch_override",
                        "x86_64")), 400, 10033),
                new Case("arch not in build tag", "POST", bc, "alice", build(Map.of("scratch", true, "arch_override",
                        "s390x")), 400, 10033),
                new Case("ftp repo url", "POST", bc, "alice", build(Map.of("yum_repourls", List.of("ftp://x/y.repo"))),
                        400, 10033),
                new Case("bad parent NVR", "POST", bc, "alice", build(Map.of("koji_parent_build", "base")), 400, 10033),
                new Case("unknown parent build", "POST", bc, "alice", build(Map.of("koji_parent_build",
                        "nosuch-1.0-1")), 400, 10070),
                new Case("userdata not an object", "POST", bc, "alice", build(Map.of("userdata", 5)), 400, 10033),
                new Case("branch instead of commit", "POST", bc, "alice", with(ok, "src",
                        HubFixture.SCM + "/foo.git#main"), 400, 2001),
                new Case("short commit", "POST", bc, "alice", with(ok, "src", HubFixture.SCM + "/foo.git#abc123"), 400,
                        2001),
                new Case("no src", "POST", bc, "alice", with(ok, "src", null), 400, 2000),
                new Case("credentials in src", "POST", bc, "alice", with(ok, "src",
                        "https://u:p@src.example.org/containers/foo.git#" + "a".repeat(40)), 400, 2000),
                new Case("disallowed SCM", "POST", bc, "alice", with(ok, "src",
                        "https://evil.example/containers/foo.git#" + "a".repeat(40)), 403, 2002),
                new Case("bad target name", "POST", bc, "alice", with(ok, "target", "../etc"), 400, 10035),
                new Case("unknown target", "POST", bc, "alice", with(ok, "target", "nope"), 404, 10013),
                new Case("package not in list", "POST", bc, "alice", HubFixture.build("bar", Map.of()), 422, 10020),
                new Case("blocked package", "POST", bc, "alice", HubFixture.build("blocked", Map.of()), 403, 10021),
                new Case("locked destination tag", "POST", bc, "alice", with(ok, "target", "f39-container-candidate"),
                        403, 10022),
                new Case("not the owner", "POST", bc, "bob", ok, 403, 10002),
                new Case("no role", "POST", bc, "nobody", with(ok, "opts", Map.of("git_branch", "f40", "scratch",
                        true)), 403, 10002),
                new Case("priority raise", "POST", bc, "alice", with(ok, "priority", 5), 403, 10005),
                new Case("priority out of range", "POST", bc, "root", with(ok, "priority", -1), 400, 10034),
                new Case("oversized body", "POST", bc, "alice", "{\"src\":\"" + "x".repeat(70_000) + "\"}", 413, 10032),
                new Case("unknown route", "GET", "/api/v1/nope", "alice", null, 404, 10010),
                new Case("wrong method", "DELETE", "/api/v1/tasks", "alice", null, 405, 10036),
                new Case("limit 0", "GET", "/api/v1/tasks?limit=0", "alice", null, 400, 10034),
                new Case("unknown query parameter", "GET", "/api/v1/tasks?bogus=1", "alice", null, 400, 10034),
                new Case("bad state filter", "GET", "/api/v1/tasks?state=NOPE", "alice", null, 400, 10034),
                new Case("non-numeric id", "GET", "/api/v1/tasks/abc", "alice", null, 400, 10034),
                new Case("unknown task", "GET", "/api/v1/tasks/987654", "alice", null, 404, 10011),
                new Case("bad NVR", "GET", "/api/v1/builds/foo-1", "alice", null, 400, 1003),
                new Case("bad older-than", "GET", "/api/v1/packages/openssl/images?older-than=a:b", null, null, 400,
                        10034),
                new Case("bad tag name", "POST", "/api/v1/tags", "root", Map.of("name", "bad name"), 400, 10035),
                new Case("bad arch", "POST", "/api/v1/tags", "root", Map.of("name", "t1", "arches", List.of("X 86")), 400,
                        10035),
                new Case("unknown role", "POST", "/api/v1/users", "root", Map.of("name", "eve", "roles",
                        List.of("god")), 400, 10035),
                new Case("duplicate user", "POST", "/api/v1/users", "root", Map.of("name", "alice"), 409, 10023),
                new Case("token for nobody", "POST", "/api/v1/tokens", "root", Map.of(), 400, 10034),
                new Case("heartbeat wait as string", "POST", "/api/v1/host/heartbeat", "builder1",
                        "{\"tasks\":[],\"wait_ms\":\"5\"}", 400, 10030));
        long tasksBefore = count("/api/v1/tasks?limit=1");
        long usersBefore = HUB.http().exchange("GET", "/api/v1/users", null).json().size();
        List<String> problems = new ArrayList<>();
        for (Case c : cases) {
            Answer a = HUB.http().as(c.who == null ? null : HUB.token(c.who)).exchange(c.method, c.path, c.body);
            if (a.status() != c.status || a.code() != c.code || a.body().contains("Exception")) {
                problems.add(c.name + ": expected " + c.status + "/" + c.code + " got " + a.status() + " " + a.body());
            }
        }
        Answer badToken = HUB.http().as("nope").exchange("POST", "/api/v1/buildContainer", build(Map.of()));
        if (badToken.status() != 401 || badToken.code() != 10001) {
            problems.add("unknown token: " + badToken.body());
        }
        assertEquals(List.of(), problems);
        assertEquals(tasksBefore, count("/api/v1/tasks?limit=1"), "a refused request created a task");
        assertEquals(usersBefore, HUB.http().exchange("GET", "/api/v1/users", null).json().size());
    }

    private static long count(String path) {
        return HUB.http().exchange("GET", path, null).json().get("total").asLong();
    }
}
