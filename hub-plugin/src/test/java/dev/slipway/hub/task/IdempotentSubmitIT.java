package dev.slipway.hub.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.hub.RequestSignature;
import dev.slipway.common.json.Json;
import dev.slipway.hub.Hub;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.HubFixture;
import dev.slipway.hub.fixture.TestDatabase;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * buildContainer's {@code Idempotency-Key} and HMAC-signed requests against a real hub: a repeat answers the
 * original task and creates nothing, even when many repeats race (on PostgreSQL, across two hub processes); a
 * signed user's unsigned or wrongly signed request is refused and creates nothing.
 */
class IdempotentSubmitIT {
    private static final String SECRET = "grace-shared-hmac-secret-0123456789";
    @RegisterExtension
    static final HubFixture HUB = HubFixture.withHmacSecret("grace", SECRET);
    private final ObjectMapper json = Json.mapper();

    @Test
    void repeat_sameKeySameOwner_answers200WithTheOriginalTask_andCreatesNothing() {
        long before = total("alice");
        Answer first = submit("alice", "key-repeat-1", Map.of("scratch", true));
        Answer again = submit("alice", "key-repeat-1", Map.of("scratch", true));
        assertEquals(201, first.status(), first.body());
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json().get("task_id").asLong(), again.json().get("task_id").asLong());
        assertEquals(before + 1, total("alice"));

        HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/tasks/" + first.json().get("task_id").asLong()
                + "/cancel", Map.of());
        Answer afterCancel = submit("alice", "key-repeat-1", Map.of("scratch", true));
        assertEquals(200, afterCancel.status(), "the key keeps naming its task whatever happened to it");
        assertEquals(first.json().get("task_id"), afterCancel.json().get("task_id"));
    }

    @Test
    void sameKey_otherOwner_isAnotherTask() {
        Answer a = submit("alice", "shared-key", Map.of("scratch", true));
        Answer b = submit("bob", "shared-key", Map.of("scratch", true));
        assertEquals(201, a.status(), a.body());
        assertEquals(201, b.status(), b.body());
        assertNotEquals(a.json().get("task_id").asLong(), b.json().get("task_id").asLong());
    }

    @Test
    void sameKey_differentRequest_isRefused422_andCreatesNothing() {
        assertEquals(201, submit("alice", "key-reused", Map.of("scratch", true)).status());
        long before = total("alice");
        Answer other = submit("alice", "key-reused", Map.of("scratch", true, "userdata", Map.of("x", 1)));
        assertEquals(422, other.status(), other.body());
        assertEquals(10028, other.code());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.json().get("name").asText());
        assertEquals(before, total("alice"));
    }

    @Test
    void malformedKey_isRefused400() {
        Answer a = submit("alice", "has space", Map.of("scratch", true));
        assertEquals(400, a.status(), a.body());
        assertEquals("BAD_PARAMETER", a.json().get("name").asText());
    }

    @Test
    void refusedRequest_withKey_remembersNothing_soAFixedRetrySucceeds() {
        Answer refused = HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer",
                HubFixture.build("not-in-tag", Map.of()), Map.of("Idempotency-Key", "key-refused"));
        assertEquals(422, refused.status(), refused.body());
        HUB.admin("PUT", "/api/v1/tags/f40-candidate/packages/not-in-tag", Map.of("owner", "alice"));
        Answer retried = HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer",
                HubFixture.build("not-in-tag", Map.of()), Map.of("Idempotency-Key", "key-refused"));
        assertEquals(201, retried.status(), retried.body());
    }

    /** 40 clients send the same keyed request at once: one task; on PostgreSQL half of them go to a second hub. */
    @Test
    void concurrentRepeats_makeExactlyOneTask() throws Exception {
        Hub second = TestDatabase.kind().equals("postgresql")
                ? Hub.start(HUB.config().withListen(new HubConfig.Listen("127.0.0.1", 0))) : null;
        try {
            List<HubClient> hubs = new ArrayList<>(List.of(HUB.http()));
            if (second != null) {
                hubs.add(new HubClient(URI.create("http://127.0.0.1:" + second.port()), null, Duration.ofSeconds(5),
                        Duration.ofSeconds(60), json));
            }
            long before = total("alice");
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                HubClient hub = hubs.get(i % hubs.size()).as(HUB.token("alice"));
                Callable<Answer> call = () -> hub.exchange("POST", "/api/v1/buildContainer",
                        HubFixture.build("foo", Map.of("scratch", true)), Map.of("Idempotency-Key", "raced"));
                answers.add(pool.submit(call));
            }
            Set<Long> ids = new HashSet<>();
            int created = 0;
            for (Future<Answer> f : answers) {
                Answer a = f.get();
                assertEquals(a.status() == 201 ? 201 : 200, a.status(), a.body());
                created += a.status() == 201 ? 1 : 0;
                ids.add(a.json().get("task_id").asLong());
            }
            pool.shutdown();
            assertEquals(1, created);
            assertEquals(1, ids.size());
            assertEquals(before + 1, total("alice"));
        } finally {
            if (second != null) {
                second.close();
            }
        }
    }

    @Test
    void signedUser_unsignedOrWronglySigned_isRefused401_andCreatesNothing() throws Exception {
        long before = total("grace");
        byte[] body = json.writeValueAsBytes(HubFixture.build("foo", Map.of("scratch", true)));
        long now = Instant.now().getEpochSecond();
        HubClient grace = HUB.http().as(HUB.token("grace"));

        Answer unsigned = grace.exchange("POST", "/api/v1/buildContainer", body);
        Answer wrongSecret = grace.exchange("POST", "/api/v1/buildContainer", body, signed(
                "not-the-secret-at-all-0123456789".getBytes(StandardCharsets.UTF_8), now, body));
        byte[] changed = json.writeValueAsBytes(HubFixture.build("foo", Map.of("scratch", true, "userdata",
                Map.of("changed", true))));
        Answer bodyChanged = grace.exchange("POST", "/api/v1/buildContainer", changed, signed(secret(), now, body));
        Answer stale = grace.exchange("POST", "/api/v1/buildContainer", body, signed(secret(), now - 3600, body));
        for (Answer a : List.of(unsigned, wrongSecret, bodyChanged, stale)) {
            assertEquals(401, a.status(), a.body());
            assertEquals(10008, a.code(), a.body());
            assertEquals("REQUEST_SIGNATURE_INVALID", a.json().get("name").asText());
        }
        assertEquals(before, total("grace"));

        Answer good = grace.exchange("POST", "/api/v1/buildContainer", body, signed(secret(), now, body));
        assertEquals(201, good.status(), good.body());
        assertEquals(before + 1, total("grace"));
        Answer aliceUnsigned = HUB.http().as(HUB.token("alice")).exchange("POST", "/api/v1/buildContainer", body);
        assertEquals(201, aliceUnsigned.status(), "users without a secret are not checked");
    }

    private static byte[] secret() {
        return SECRET.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> signed(byte[] secret, long at, byte[] body) {
        return Map.of(RequestSignature.TIMESTAMP_HEADER, Long.toString(at), RequestSignature.SIGNATURE_HEADER,
                RequestSignature.sign(secret, at, body));
    }

    private Answer submit(String who, String key, Map<String, Object> opts) {
        return HUB.http().as(HUB.token(who)).exchange("POST", "/api/v1/buildContainer", HubFixture.build("foo", opts),
                Map.of("Idempotency-Key", key));
    }

    private long total(String owner) {
        return HUB.http().get("/api/v1/tasks?state=all&owner=" + owner + "&limit=1").get("total").asLong();
    }
}
