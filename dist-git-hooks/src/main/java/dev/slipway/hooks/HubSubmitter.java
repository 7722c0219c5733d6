package dev.slipway.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** Sends {@code buildContainer} to the hub with the hook's token; a refusal carries the hub's stable code. */
final class HubSubmitter {
    private final HookConfig config;
    private final ObjectMapper json;

    HubSubmitter(HookConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Queues the build; returns the task id. */
    long submit(String src, String target, String branch) {
        BuildOpts opts = new BuildOpts(null, null, null, branch, null, null, null, null);
        Duration timeout = Duration.ofSeconds(config.timeoutSeconds());
        HubClient hub = new HubClient(config.hub(), token(), timeout, timeout, json);
        return hub.buildContainer(new BuildContainerRequest(src, target, opts, null)).taskId();
    }

    private String token() {
        if (config.tokenFile() == null) {
            return null;
        }
        try {
            return Files.readString(config.tokenFile()).strip();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CLIENT_CONFIG_INVALID, "Tried to read the hook's token from "
                    + config.tokenFile() + ": " + e.getMessage(), e);
        }
    }
}
