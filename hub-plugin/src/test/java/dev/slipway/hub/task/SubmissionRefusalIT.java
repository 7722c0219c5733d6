package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.slipway.common.hub.Answer;
import dev.slipway.hub.fixture.HubFixture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refusals decided inside the group commit (unknown target, package not in the tag) reach the caller as their own
 * code through the asynchronous answer, fail alone, and create nothing; the good submissions committed in the same
 * batches are answered 201.
 */
class SubmissionRefusalIT {
    @RegisterExtension
    static final HubFixture HUB = new HubFixture();

    private Answer submit(Map<String, Object> body) {
        return HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer", body);
    }

    private long taskCount() {
        return HUB.http().exchange("GET", "/api/v1/tasks?limit=1", null).json().get("total").asLong();
    }

    @Test
    void refusalsInsideTheBatch_keepTheirCodes_andOnlyTheGoodSubmissionsCreateTasks() {
        Map<String, Object> unknownTarget = new HashMap<>(HubFixture.build("foo", Map.of("scratch", true)));
        unknownTarget.put("target", "no-such-target");
        Map<String, Object> good = HubFixture.build("foo", Map.of("scratch", true));
        Map<String, Object> notInTag = HubFixture.build("not-listed", Map.of("scratch", true));
        long before = taskCount();

        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(CompletableFuture.supplyAsync(() -> submit(good)));
            answers.add(CompletableFuture.supplyAsync(() -> submit(unknownTarget)));
            answers.add(CompletableFuture.supplyAsync(() -> submit(notInTag)));
        }

        for (int i = 0; i < answers.size(); i++) {
            Answer a = answers.get(i).join();
            switch (i % 3) {
                case 0 -> assertEquals(201, a.status(), a.body());
                case 1 -> assertEquals("TARGET_NOT_FOUND", a.json().get("name").asText(), a.body());
                default -> assertEquals("PACKAGE_NOT_IN_TAG", a.json().get("name").asText(), a.body());
            }
        }
        assertEquals(before + 8, taskCount());
    }
}
