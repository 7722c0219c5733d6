package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A worker that stops heartbeating loses its task back to FREE and is marked not ready. */
class LeaseExpiryIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture(t -> new HubConfig.Tasks(null, null, null, 1, null, null));

    @Test
    void expiredLease_freesTask_marksHostNotReady_andHeartbeatSaysLost() throws Exception {
        String host = HUB.token("builder1");
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        assertEquals(id, HUB.http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 1000)).json().get("task")
                .get("task_id").asLong());
        HUB.http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null);
        JsonNode info = null;
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            info = HUB.http().exchange("GET", "/api/v1/tasks/" + id, null).json();
            if (info.get("state").asText().equals("FREE")) {
                break;
            }
        }
        assertEquals("FREE", info.get("state").asText());
        assertTrue(info.get("host").isNull());
        assertFalse(HUB.http().exchange("GET", "/api/v1/hosts/builder1", null).json().get("ready").asBoolean());
        String page = HUB.http().exchange("GET", "/console/tasks/" + id, null).body();
        assertTrue(page.contains("when the lease of host builder1 expired"), "the console says why it waits again");
        assertTrue(page.contains("No enabled host for it is ready: builder1"), page);
        JsonNode hb = HUB.http().as(host).exchange("POST", "/api/v1/host/heartbeat", Map.of("tasks", List.of(id))).json();
        assertEquals("LOST", hb.get("tasks").get(0).get("action").asText());
        assertEquals(0, HUB.http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 0)).json().get("task").size());
        HUB.http().as(host).exchange("POST", "/api/v1/host/register", Map.of("ready", true));
        assertEquals(id, HUB.http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 1000)).json().get("task")
                .get("task_id").asLong());
        String metrics = HUB.http().exchange("GET", "/metrics", null).body();
        assertTrue(metrics.contains("slipway_leases_lost_total 1.0"), metrics);
    }
}
