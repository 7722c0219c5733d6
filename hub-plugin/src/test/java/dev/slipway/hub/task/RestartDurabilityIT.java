package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.hub.fixture.HubFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Submissions acknowledged before a hub restart are all there after it, with their state. */
class RestartDurabilityIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();

    @Test
    void acknowledgedSubmissions_surviveRestart() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(HUB.submit("alice", "foo", Map.of("scratch", true)));
        }
        HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + ids.get(0) + "/cancel", null);
        HUB.stop();
        HUB.start();
        for (long id : ids) {
            JsonNode t = HUB.http().exchange("GET", "/api/v1/tasks/" + id, null).json();
            assertEquals(id == ids.get(0) ? "CANCELED" : "FREE", t.get("state").asText(), t.toString());
        }
        assertEquals(50, HUB.http().exchange("GET", "/api/v1/tasks?limit=1", null).json().get("total").asLong());
    }
}
