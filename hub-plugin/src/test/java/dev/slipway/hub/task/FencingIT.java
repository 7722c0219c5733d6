package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lease epochs as fencing tokens over HTTP: once a task's lease expires and another claim takes it, every call of
 * the old holder carrying its epoch (log, fence check, close) is refused with LEASE_EPOCH_STALE, even when the new
 * holder is the same host; the new holder's epoch is honoured.
 */
class FencingIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture(t -> new HubConfig.Tasks(null, null, null, 3, null, null));

    @Test
    void staleEpoch_afterTheTaskWasClaimedAgain_isRefusedOnEveryPublishingCall() throws Exception {
        String w1 = HUB.token("builder1");
        String w2 = HUB.addHost("builder2", List.of("x86_64"), 10.0);
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        long first = claim(w1, id);
        assertEquals(200, call(w1, "/open", id, first, null).statusCode());
        awaitFree(id);
        HUB.http().as(w1).exchange("POST", "/api/v1/host/register", Map.of("ready", true));
        long second = claim(w2, id);
        assertTrue(second > first, "a new claim has a new epoch: " + first + " then " + second);
        assertEquals(200, call(w2, "/open", id, second, null).statusCode());

        HttpResponse<String> log = call(w1, "/log", id, first, "{\"lines\":[\"from the old holder\"]}");
        assertStale(log);
        assertStale(call(w1, "/fence", id, first, null));
        assertStale(call(w1, "/close", id, first, "{\"result\":null}"));
        // Renew first: on a loaded machine the 3 s lease may otherwise run out before the check.
        HUB.http().as(w2).exchange("POST", "/api/v1/host/heartbeat", Map.of("tasks", List.of(id)));
        HttpResponse<String> fenced = call(w2, "/fence", id, second, null);
        assertEquals(200, fenced.statusCode(), "the current holder may publish: " + fenced.body());
        assertEquals(200, call(w2, "/log", id, second, "{\"lines\":[\"from the new holder\"]}").statusCode());
        String text = HUB.http().exchange("GET", "/api/v1/tasks/" + id + "/log", null).body();
        assertEquals("from the new holder\n", text, "only the current holder's lines are in the log");
        HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", Map.of());
    }

    @Test
    void sameHostClaimingAgain_fencesOffItsOwnEarlierRun() throws Exception {
        String w1 = HUB.token("builder1");
        HUB.http().as(w1).exchange("POST", "/api/v1/host/register", Map.of("ready", true));
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        long first = claim(w1, id);
        call(w1, "/open", id, first, null);
        awaitFree(id);
        HUB.http().as(w1).exchange("POST", "/api/v1/host/register", Map.of("ready", true));
        long second = claim(w1, id);
        assertStale(call(w1, "/fence", id, first, null));
        assertStale(call(w1, "/open", id, first, null));
        assertEquals(200, call(w1, "/open", id, second, null).statusCode());
        assertEquals(400, call(w1, "/fence", id, null, null).statusCode(), "a fence check needs the epoch");
        HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", Map.of());
    }

    private static long claim(String host, long expected) {
        JsonNode task = HUB.http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 2_000)).json()
                .path("task");
        assertEquals(expected, task.path("task_id").asLong(), task.toString());
        return task.path("epoch").asLong();
    }

    private static void awaitFree(long id) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (HUB.http().exchange("GET", "/api/v1/tasks/" + id, null).json().path("state").asText().equals("FREE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("task " + id + "'s lease never expired");
    }

    private static void assertStale(HttpResponse<String> r) {
        assertEquals(409, r.statusCode(), r.body());
        assertTrue(r.body().contains("10045"), "the stable code LEASE_EPOCH_STALE: " + r.body());
    }

    private static HttpResponse<String> call(String token, String what, long id, Long epoch, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + "/api/v1/host/tasks/" + id + what))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (epoch != null) {
            b.header("Slipway-Lease-Epoch", String.valueOf(epoch));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base() {
        return "http://127.0.0.1:" + HUB.hub().port();
    }
}
