package dev.slipway.hub.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.publication.PublicationRequest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the hub's JSON request decoding (docs/fuzzing.md): one body decoded, strictly as the hub does,
 * as each kind of request. Every body either decodes or fails in a way the hub answers as the client's fault (a
 * 4xx from {@link ErrorMapping}); an exception the hub would answer with 500, a hang or an out-of-memory is a
 * finding. Kept corpus: {@code WireJsonFuzzTestInputs/requestBody}; {@code crash-67b2...} is its first finding, a
 * body Jackson reads as UTF-32 holding a code point above U+10FFFF, which used to escape as an I/O error (500).
 */
class WireJsonFuzzTest {
    private static final ObjectMapper JSON = WireJson.strict();
    private static final List<Class<?>> REQUESTS = List.of(BuildContainerRequest.class, Admin.Target.class,
            Admin.User.class, Admin.TokenRequest.class, HostProtocol.Update.class, HostProtocol.Heartbeat.class,
            HostProtocol.LogLines.class, HostProtocol.Refund.class, HostProtocol.Close.class,
            PublicationRequest.class);

    @Timeout(30)
    @FuzzTest(maxDuration = "6s")
    void requestBody(byte[] body) {
        for (Class<?> type : REQUESTS) {
            try {
                WireJson.read(JSON, body, type);
            } catch (IOException | SlipwayException refused) {
                int status = ErrorMapping.of(refused, "fuzz").status();
                assertTrue(status >= 400 && status < 500, type.getSimpleName() + " answered " + status + " for "
                        + refused);
            }
        }
    }
}
