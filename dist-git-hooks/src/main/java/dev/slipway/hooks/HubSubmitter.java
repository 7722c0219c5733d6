package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/** Sends {@code buildContainer} to the hub with the hook's token; a refusal carries the hub's stable code. */
final class HubSubmitter {
    private final HookConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    HubSubmitter(HookConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.timeoutSeconds()))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Queues the build; returns the task id. */
    long submit(String src, String target, String branch) {
        try {
            BuildOpts opts = new BuildOpts(null, null, null, branch, null, null, null, null);
            HttpRequest.Builder req = HttpRequest.newBuilder(config.hub().resolve("/api/v1/buildContainer"))
                    .timeout(Duration.ofSeconds(config.timeoutSeconds())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
                            new BuildContainerRequest(src, target, opts, null))));
            if (config.tokenFile() != null) {
                req.header("Authorization", "Bearer " + Files.readString(config.tokenFile()).strip());
            }
            HttpResponse<byte[]> r = http.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() / 100 != 2) {
                throw refusal(r);
            }
            return json.readTree(r.body()).path("task_id").asLong();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.HUB_UNREACHABLE, "Tried to reach the hub at " + config.hub() + ": "
                    + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Interrupted while calling the hub");
        }
    }

    private SlipwayException refusal(HttpResponse<byte[]> r) {
        try {
            ApiError e = json.readValue(r.body(), ApiError.class);
            ErrorCode code = java.util.Arrays.stream(ErrorCode.values()).filter(c -> c.code() == e.code()).findFirst()
                    .orElse(ErrorCode.HUB_PROTOCOL);
            return new SlipwayException(code, e.message());
        } catch (IOException | RuntimeException x) {
            return new SlipwayException(ErrorCode.HUB_PROTOCOL, "The hub answered " + r.statusCode()
                    + " without a JSON error body");
        }
    }
}
