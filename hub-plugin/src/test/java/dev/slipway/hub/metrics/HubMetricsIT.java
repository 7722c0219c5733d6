package dev.slipway.hub.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.hub.Answer;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.testing.metrics.PrometheusText;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What an operator's Prometheus sees on the hub's {@code /metrics}, read with a strict parser of the text format:
 * the queue per channel and arch follows submissions, claims and expired leases.
 */
class HubMetricsIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture(t -> new HubConfig.Tasks(null, null, null, 1, null, null));

    @Test
    void queueDepthPerChannelAndArch_followsSubmissionsClaimsAndLeaseExpiries() throws Exception {
        long first = HUB.submit("alice", "foo", Map.of("scratch", true));
        HUB.submit("alice", "foo", Map.of("scratch", true));
        String arch = HUB.http().get("/api/v1/tasks/" + first).path("arch").asText();
        PrometheusText queued = scrape();
        assertEquals("gauge", queued.type("slipway_queue_depth"));
        assertEquals(2.0, queued.value("slipway_queue_depth", "channel", "container", "arch", arch).orElseThrow());
        assertTrue(queued.value("slipway_queue_oldest_wait_seconds", "channel", "container", "arch", arch)
                .orElseThrow() >= 0);
        assertEquals(2.0, queued.value("slipway_tasks", "state", "FREE").orElseThrow());
        assertEquals(0.0, queued.value("slipway_leases_lost_total").orElseThrow());

        String host = HUB.token("builder1");
        Answer claim = HUB.http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 1000));
        long claimed = claim.json().path("task").path("task_id").asLong();
        HUB.http().as(host).exchange("POST", "/api/v1/host/tasks/" + claimed + "/open", null);
        assertEquals(1.0, scrape().value("slipway_queue_depth", "channel", "container", "arch", arch).orElseThrow());

        // No heartbeat: the 1 s lease expires, the reaper frees the task and counts the expiry.
        PrometheusText after = null;
        for (int i = 0; i < 50; i++) {
            Thread.sleep(200);
            after = scrape();
            if (after.value("slipway_leases_lost_total").orElseThrow() >= 1) {
                break;
            }
        }
        assertEquals(1.0, after.value("slipway_leases_lost_total").orElseThrow());
        assertEquals(2.0, after.value("slipway_queue_depth", "channel", "container", "arch", arch).orElseThrow());
        assertEquals("counter", after.type("slipway_leases_lost_total"));
    }

    private static PrometheusText scrape() {
        Answer a = HUB.http().exchange("GET", "/metrics", null);
        assertEquals(200, a.status());
        return PrometheusText.parse(a.body());
    }
}
