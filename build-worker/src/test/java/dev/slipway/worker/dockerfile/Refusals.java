package dev.slipway.worker.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import org.junit.jupiter.api.function.Executable;

/** Assertions for refusals: the stable code, and a message that names what is wrong. */
final class Refusals {
    private Refusals() {
    }

    static DockerfileException assertRefused(ErrorCode code, Executable action, String... mentions) {
        DockerfileException e = assertThrows(DockerfileException.class, action);
        assertEquals(code, e.code(), e.getMessage());
        for (String mention : mentions) {
            assertTrue(e.getMessage().contains(mention), "message should mention '" + mention + "': "
                    + e.getMessage());
        }
        return e;
    }

    static DockerfileException assertParseRefused(ErrorCode code, String dockerfile, String... mentions) {
        return assertRefused(code, () -> Dockerfile.parse(dockerfile), mentions);
    }
}
