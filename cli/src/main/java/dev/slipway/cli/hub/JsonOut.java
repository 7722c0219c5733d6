package dev.slipway.cli.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipway.common.json.Json;
import java.io.PrintWriter;

/** How every {@code --json} prints: one pretty-printed JSON document on standard output. */
public final class JsonOut {
    private JsonOut() {
    }

    public static int print(PrintWriter out, Object value) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out.flush();
            return ExitStatus.OK.code();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tried to print JSON: " + e.getMessage(), e);
        }
    }
}
