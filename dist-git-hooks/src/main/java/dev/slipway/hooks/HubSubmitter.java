package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.Answer;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.hub.RequestSignature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one spooled request to the hub's {@code buildContainer} with its {@code Idempotency-Key} (and, when the
 * hook has a shared secret, an HMAC signature over the exact body), and sorts the answer: the task, a refusal
 * that retrying cannot change (kept for an operator), or a reason to try again later.
 */
final class HubSubmitter {
    /** What one submission came to. */
    sealed interface Outcome permits Created, Refused, Retry {
    }

    /** The hub holds the task; {@code earlier} when an earlier submission of the same request made it. */
    record Created(long taskId, boolean earlier) implements Outcome {
    }

    /** The hub refused the request; the reason names the stable code. */
    record Refused(String reason) implements Outcome {
    }

    /**
     * No answer, or one that may change (hub down, hanging, overloaded, or a local problem to fix).
     *
     * @param hubAnswered false when the hub did not answer at all (down, hanging, or the request never left)
     */
    record Retry(String reason, boolean hubAnswered) implements Outcome {
    }

    private final HookConfig config;
    private final ObjectMapper json;
    private final Duration timeout;
    private final Clock clock;
    private volatile HubClient hub;

    /** A submitter whose calls each wait at most {@code timeout} for the hub's answer. */
    HubSubmitter(HookConfig config, ObjectMapper json, Duration timeout, Clock clock) {
        this.config = config;
        this.json = json;
        this.timeout = timeout;
        this.clock = clock;
    }

    Outcome submit(BuildRequest r) {
        byte[] body;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Idempotency-Key", r.key());
        try {
            body = json.writeValueAsBytes(r.request());
            if (config.hmacSecretFile() != null) {
                long now = clock.instant().getEpochSecond();
                headers.put(RequestSignature.TIMESTAMP_HEADER, Long.toString(now));
                headers.put(RequestSignature.SIGNATURE_HEADER, RequestSignature.sign(secret(), now, body));
            }
            prepare();
        } catch (IOException e) {
            return new Retry("could not prepare the request: " + e.getMessage() + " (fix the hook's configuration;"
                    + " the request stays queued)", false);
        }
        Answer a;
        try {
            a = hub.exchange("POST", "/api/v1/buildContainer", body, headers);
        } catch (SlipwayException e) {
            return new Retry(e.describe(), false);
        } catch (RuntimeException e) {
            return new Retry("could not send the request to " + config.hub() + ": " + e, false);
        }
        if ((a.status() == 200 || a.status() == 201) && a.json() != null && a.json().has("task_id")) {
            return new Created(a.json().get("task_id").asLong(), a.status() == 200);
        }
        String what = "HTTP " + a.status() + (a.json() != null && a.json().has("name") ? " "
                + a.json().get("name").asText() + " (" + a.code() + "): " + a.json().path("message").asText()
                : "");
        boolean lasting = a.status() >= 400 && a.status() < 500 && a.status() != 408 && a.status() != 429
                && a.json() != null;
        return lasting ? new Refused(what) : new Retry(what, true);
    }

    /**
     * Makes the HTTP client (and loads the classes a submission needs) ahead of time, so the hook can do it while
     * git and the spool work and a push's deadline is spent waiting for the hub, not starting a client.
     */
    synchronized void prepare() throws IOException {
        if (hub == null) {
            json.writeValueAsBytes(new BuildRequest("k", "r", "refs/heads/b", "c", null, clock.instant()));
            hub = new HubClient(config.hub(), token(), timeout, timeout, json);
        }
    }

    private String token() throws IOException {
        return config.tokenFile() == null ? null : Files.readString(config.tokenFile()).strip();
    }

    private byte[] secret() throws IOException {
        return Files.readString(config.hmacSecretFile()).strip().getBytes(StandardCharsets.UTF_8);
    }
}
