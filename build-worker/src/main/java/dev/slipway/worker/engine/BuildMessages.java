package dev.slipway.worker.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The engine's answer to {@code POST /build}, read as it arrives: one JSON message per line ({@code stream} text,
 * {@code status}, {@code errorDetail}/{@code error}, {@code aux.ID}). Every text line goes to the log as it comes,
 * the first error is kept as the build's failure, and {@code aux.ID} is the built image's id, so no inspect is
 * needed. Anything that is not a JSON object per line is the engine speaking another protocol: a clear error,
 * never a guess.
 *
 * @see <a href="https://docs.docker.com/engine/api/v1.41/#operation/ImageBuild">Engine API 1.41, ImageBuild</a>
 */
final class BuildMessages {
    /** One message longer than this is not the engine's build stream (its lines are a RUN's output lines). */
    static final int MAX_LINE = 8 * 1024 * 1024;
    private static final int EXCERPT = 200;

    /** What the stream said: the image id of {@code aux.ID} (null when absent) and the first error (null if none). */
    record Outcome(String imageId, String error) {
    }

    private final ObjectMapper json;
    private final Consumer<String> log;
    private String imageId;
    private String error;
    private int lineNumber;

    BuildMessages(ObjectMapper json, Consumer<String> log) {
        this.json = json;
        this.log = log;
    }

    /**
     * Reads {@code in} to its end, handing each message on as soon as its line is complete.
     *
     * @throws IOException when reading fails
     * @throws SlipwayException ENGINE_ERROR when a line is not a JSON object or is longer than {@link #MAX_LINE}
     */
    Outcome read(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
            int start = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    if (pending.size() == 0) {
                        message(buffer, start, i - start);
                    } else {
                        pending.write(buffer, start, i - start);
                        message(pending.toByteArray(), 0, pending.size());
                        pending.reset();
                    }
                    start = i + 1;
                }
            }
            pending.write(buffer, start, n - start);
            if (pending.size() > MAX_LINE) {
                throw garbage("a message longer than " + MAX_LINE + " bytes", pending.toByteArray(), 0, EXCERPT);
            }
        }
        if (pending.size() > 0) {
            message(pending.toByteArray(), 0, pending.size());
        }
        return new Outcome(imageId, error);
    }

    private void message(byte[] bytes, int offset, int length) {
        lineNumber++;
        int end = offset + length;
        while (end > offset && (bytes[end - 1] == '\r' || bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
            end--;
        }
        if (end == offset) {
            return; // Blank lines separate nothing.
        }
        JsonNode node;
        try {
            node = json.readTree(bytes, offset, end - offset);
        } catch (IOException e) {
            throw garbage("a line that is not JSON", bytes, offset, end - offset);
        }
        if (node == null || !node.isObject()) {
            throw garbage("a line that is not a JSON object", bytes, offset, end - offset);
        }
        JsonNode stream = node.get("stream");
        if (stream != null && stream.isTextual()) {
            stream.asText().lines().forEach(log);
        }
        JsonNode status = node.get("status");
        if (status != null && status.isTextual()) {
            log.accept(status.asText());
        }
        String failure = node.path("errorDetail").path("message").asText(null);
        if (failure == null) {
            failure = node.path("error").asText(null);
        }
        if (failure != null) {
            log.accept("ERROR: " + failure);
            if (error == null) {
                error = failure;
            }
        }
        JsonNode id = node.path("aux").path("ID");
        if (id.isTextual()) {
            imageId = id.asText();
        }
    }

    private SlipwayException garbage(String what, byte[] bytes, int offset, int length) {
        String excerpt = new String(bytes, offset, Math.min(length, EXCERPT), StandardCharsets.UTF_8);
        return new SlipwayException(ErrorCode.ENGINE_ERROR, "Tried to read the engine's build messages but line "
                + lineNumber + " is " + what + ": \"" + excerpt + (length > EXCERPT ? "..." : "") + "\"");
    }
}
