package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.hub.fixture.HubFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hot status read (one JDBC statement; finished tasks, and unfinished ones until the next committed task
 * change, from memory) answers exactly what the session read answers, in every state, and shows each change at
 * once; a finished task keeps answering the same.
 */
class TaskStatusIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();

    private HubClient http() {
        return HUB.http();
    }

    private TaskService tasks() {
        return HUB.hub().services().tasks();
    }

    /** The fast read, the session read (the batched one) and the HTTP answer agree. */
    private void assertSameEverywhere(long id, String state) throws Exception {
        TaskInfo fast = tasks().get(id);
        TaskInfo viaSession = tasks().get(List.of(id)).get(0);
        assertEquals(viaSession, fast);
        assertEquals(state, fast.state().name());
        JsonNode answer = http().exchange("GET", "/api/v1/tasks/" + id, null).json();
        ObjectMapper json = HUB.hub().services().json();
        assertEquals(json.readTree(json.writeValueAsString(viaSession)), answer);
    }

    @Test
    void statusRead_followsEveryStateChange_andMatchesTheSessionRead() throws Exception {
        String host = HUB.addHost("status-host", List.of("x86_64"), 10.0);
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        assertSameEverywhere(id, "FREE");
        Answer claimed = http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 2000));
        assertEquals(id, claimed.json().get("task").get("task_id").asLong(), claimed.body());
        assertSameEverywhere(id, "ASSIGNED");
        assertEquals(200, http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null).status());
        assertSameEverywhere(id, "OPEN");
        Answer failed = http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/fail",
                Map.of("fault", Map.of("code", 3001, "name", "BUILD_FAILED", "message", "RUN false: exit 1")));
        assertEquals(204, failed.status(), failed.body());
        assertSameEverywhere(id, "FAILED");
        assertSameEverywhere(id, "FAILED"); // now from memory: still the same record
    }

    @Test
    void statusRead_canceledTask_showsTheCancel() throws Exception {
        long id = HUB.submit("alice", "foo", Map.of("scratch", true));
        assertSameEverywhere(id, "FREE");
        http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", null);
        assertSameEverywhere(id, "CANCELED");
    }

    @Test
    void statusRead_rememberedUnfinishedTask_showsAPriorityChangeAndItsBuildAtOnce() throws Exception {
        String host = HUB.addHost("status-host-2", List.of("x86_64"), 10.0);
        long id = HUB.submit("alice", "foo", Map.of());
        for (int i = 0; i < 3; i++) {
            assertSameEverywhere(id, "FREE"); // read, then answered from memory
        }
        HUB.admin("POST", "/api/v1/tasks/" + id + "/priority", Map.of("priority", 7));
        assertEquals(7, tasks().get(id).priority());
        assertSameEverywhere(id, "FREE");
        http().as(host).exchange("POST", "/api/v1/host/claim", Map.of("wait_ms", 2000));
        http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/open", null);
        assertSameEverywhere(id, "OPEN");
        assertEquals(null, tasks().get(id).buildId());
        Answer reserved = http().as(host).exchange("POST", "/api/v1/host/tasks/" + id + "/reserve",
                Map.of("name", "foo", "version", "1.0", "release", "1"));
        assertEquals("foo-1.0-1", reserved.json().get("nvr").asText(), reserved.body());
        TaskInfo withBuild = tasks().get(id);
        assertEquals(http().exchange("GET", "/api/v1/builds/foo-1.0-1", null).json().get("id").asLong(),
                withBuild.buildId(), withBuild.toString());
        assertSameEverywhere(id, "OPEN");
        http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + id + "/cancel", null);
        assertSameEverywhere(id, "CANCELED");
    }

    @Test
    void statusRead_unknownTask_isTaskNotFound() {
        Answer a = http().exchange("GET", "/api/v1/tasks/987654321", null);
        assertEquals(404, a.status());
        assertEquals("TASK_NOT_FOUND", a.json().get("name").asText(), a.body());
    }
}
