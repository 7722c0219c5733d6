package dev.slipway.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A task as Koji's taskinfo page shows it.
 *
 * @param parameters the call's arguments ({@code src}, {@code target}, {@code opts})
 * @param result the worker's result once CLOSED
 * @param fault why it FAILED or was CANCELED
 * @param buildId the build record the task reserved, if any
 */
public record TaskInfo(
        long id,
        String method,
        JsonNode parameters,
        TaskState state,
        String owner,
        String channel,
        String host,
        String arch,
        int priority,
        double weight,
        Instant created,
        Instant started,
        Instant completed,
        JsonNode result,
        ApiError fault,
        Long buildId,
        Long resubmittedFrom) {
}
