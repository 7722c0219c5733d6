package dev.slipway.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.hub.fixture.HubFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every exported call against anonymous, the package owner, another packager, releng, admin and a build host:
 * allowed callers are never refused for who they are (and never get a 500); everyone else gets the stable
 * refusal code.
 */
class AuthorizationMatrixIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();
    private static final List<String> WHO = List.of("anonymous", "alice", "bob", "rita", "root", "builder1");
    private static final Set<String> EVERYONE = Set.of("anonymous", "alice", "bob", "rita", "root");
    private static final Set<String> USERS = Set.of("alice", "bob", "rita", "root");
    private static final Set<String> RELENG = Set.of("rita", "root");
    private static final Set<String> ADMIN = Set.of("root");
    private static final Set<String> HOST = Set.of("builder1");

    private record Row(String method, String path, Object body, Set<String> allowed) {
    }

    @Test
    void everyCall_refusesExactlyTheCallersItShould() {
        long task = HUB.submit("alice", "foo", Map.of("scratch", true));
        Map<String, Object> scratch = HubFixture.build("foo", Map.of("scratch", true));
        String t = "/api/v1/tasks/" + task;
        String h = "/api/v1/host/tasks/999999";
        List<Row> rows = List.of(
                new Row("GET", "/api/v1/_listapi", null, EVERYONE),
                new Row("GET", "/api/v1/whoami", null, USERS),
                new Row("POST", "/api/v1/buildContainer", scratch, USERS),
                new Row("GET", "/api/v1/tasks", null, EVERYONE),
                new Row("GET", t, null, EVERYONE),
                new Row("GET", t + "/log", null, EVERYONE),
                new Row("POST", t + "/resubmit", null, Set.of("alice", "root")),
                new Row("POST", t + "/free", null, ADMIN),
                new Row("POST", t + "/priority", Map.of("priority", 25), RELENG),
                new Row("POST", t + "/cancel", null, Set.of("alice", "root")),
                new Row("GET", "/api/v1/builds", null, EVERYONE),
                new Row("GET", "/api/v1/builds/foo-1.0-1", null, EVERYONE),
                new Row("GET", "/api/v1/builds/foo-1.0-1/log", null, EVERYONE),
                new Row("GET", "/api/v1/builds/foo-1.0-1/files", null, EVERYONE),
                new Row("GET", "/api/v1/builds/foo-1.0-1/file?path=metadata.json", null, EVERYONE),
                new Row("GET", "/api/v1/images/1/rpms", null, EVERYONE),
                new Row("GET", "/api/v1/packages/openssl/images", null, EVERYONE),
                new Row("POST", "/api/v1/publications", Map.of("source", "s.example/a/b@sha256:" + "9".repeat(64),
                        "destination", "p.example/a/b", "digest", "sha256:" + "9".repeat(64), "tags", List.of("1"),
                        "publishedAt", "2026-01-01T00:00:00Z", "commit", "c".repeat(40), "author", "A <a@x>",
                        "signature", "NOT_CHECKED"), RELENG),
                new Row("GET", "/api/v1/publications?digest=sha256:" + "9".repeat(64), null, EVERYONE),
                new Row("GET", "/api/v1/targets", null, EVERYONE),
                new Row("POST", "/api/v1/targets", Map.of("name", "m-target", "build_tag", "f40-container-build",
                        "dest_tag", "f40-candidate"), RELENG),
                new Row("PATCH", "/api/v1/targets/m-target", Map.of("dest_tag", "f40-candidate"), RELENG),
                new Row("GET", "/api/v1/tags", null, EVERYONE),
                new Row("POST", "/api/v1/tags", Map.of("name", "m-tag", "arches", List.of("x86_64")), RELENG),
                new Row("PATCH", "/api/v1/tags/m-tag", Map.of("arches", List.of("x86_64")), RELENG),
                new Row("GET", "/api/v1/tags/f40-candidate/packages", null, EVERYONE),
                new Row("PUT", "/api/v1/tags/m-tag/packages/baz", Map.of("owner", "alice"), RELENG),
                new Row("GET", "/api/v1/channels", null, EVERYONE),
                new Row("POST", "/api/v1/channels", Map.of("name", "m-channel"), ADMIN),
                new Row("GET", "/api/v1/hosts", null, EVERYONE),
                new Row("GET", "/api/v1/hosts/builder1", null, EVERYONE),
                new Row("POST", "/api/v1/hosts", Map.of("name", "m-host", "arches", List.of("x86_64")), ADMIN),
                new Row("PATCH", "/api/v1/hosts/m-host", Map.of("enabled", false), ADMIN),
                new Row("GET", "/api/v1/users", null, EVERYONE),
                new Row("GET", "/api/v1/users/alice", null, EVERYONE),
                new Row("POST", "/api/v1/users", Map.of("name", "m-user"), ADMIN),
                new Row("PATCH", "/api/v1/users/m-user", Map.of("roles", List.of("packager")), ADMIN),
                new Row("GET", "/api/v1/groups", null, EVERYONE),
                new Row("PUT", "/api/v1/groups/m-group", Map.of("members", List.of("bob")), ADMIN),
                new Row("GET", "/api/v1/roles", null, EVERYONE),
                new Row("GET", "/api/v1/tokens", null, ADMIN),
                new Row("POST", "/api/v1/tokens", Map.of("user", "m-user"), ADMIN),
                new Row("DELETE", "/api/v1/tokens/999999", null, ADMIN),
                new Row("POST", "/api/v1/host/register", Map.of("ready", true), HOST),
                new Row("POST", "/api/v1/host/claim", Map.of("wait_ms", 0), HOST),
                new Row("POST", "/api/v1/host/heartbeat", Map.of("tasks", List.of()), HOST),
                new Row("GET", "/api/v1/host/tasks", null, HOST),
                new Row("POST", h + "/fence", null, HOST),
                new Row("POST", h + "/open", null, HOST),
                new Row("POST", h + "/free", null, HOST),
                new Row("POST", h + "/log", Map.of("lines", List.of("x")), HOST),
                new Row("GET", h + "/nextRelease?name=foo&version=1", null, HOST),
                new Row("POST", h + "/reserve", Map.of("name", "foo", "version", "1", "release", "1"), HOST),
                new Row("POST", h + "/refund", Map.of("build_id", 1, "state", "FAILED"), HOST),
                new Row("POST", h + "/close", Map.of(), HOST),
                new Row("POST", h + "/fail", Map.of("fault", Map.of("code", 1, "name", "X", "message", "m")), HOST));

        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            for (String who : WHO) {
                Answer a = HUB.http().as(who.equals("anonymous") ? null
                        : HUB.token(who)).exchange(row.method, row.path, row.body);
                String where = row.method + " " + row.path + " as " + who + ": " + a.status() + " " + a.body();
                if (a.status() >= 500) {
                    problems.add("server error for " + where);
                } else if (row.allowed.contains(who)) {
                    if (a.status() == 401 || a.status() == 403 && a.code() != 10022) {
                        problems.add("refused an allowed caller: " + where);
                    }
                } else if (a.code() != expectedRefusal(row, who)) {
                    problems.add("expected code " + expectedRefusal(row, who) + " for " + where);
                }
            }
        }
        assertEquals(List.of(), problems);
        assertEveryListedCallIsCovered(rows);
    }

    private static int expectedRefusal(Row row, String who) {
        boolean hostRoute = row.allowed.equals(HOST);
        if (who.equals("anonymous")) {
            return 10000;
        }
        if (who.equals("builder1")) {
            return 10003;
        }
        return hostRoute ? 10004 : 10002;
    }

    private static void assertEveryListedCallIsCovered(List<Row> rows) {
        JsonNode listed = HUB.http().exchange("GET", "/api/v1/_listapi", null).json();
        Set<String> covered = new TreeSet<>();
        for (Row r : rows) {
            String path = r.path.replaceAll("\\?.*", "").replaceAll("/\\d+(/|$)", "/{id}$1")
                    .replace("foo-1.0-1", "{build}");
            covered.add(r.method + " " + path);
        }
        Set<String> all = new TreeSet<>();
        Map<String, String> byName = new LinkedHashMap<>();
        for (JsonNode c : listed) {
            String key = c.get("method").asText() + " " + c.get("path").asText();
            all.add(key);
            byName.put(key, c.get("name").asText());
        }
        Set<String> missing = new TreeSet<>();
        for (String call : all) {
            boolean hit = covered.stream().anyMatch(k -> matches(call, k));
            if (!hit) {
                missing.add(call + " (" + byName.get(call) + ")");
            }
        }
        assertTrue(missing.isEmpty(), "calls missing from the matrix: " + missing);
        assertNotEquals(0, all.size());
    }

    private static boolean matches(String template, String concrete) {
        String[] t = template.split("[ /]");
        String[] c = concrete.split("[ /]");
        if (t.length != c.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith("{") && !t[i].equals(c[i])) {
                return false;
            }
        }
        return true;
    }
}
