package dev.slipway.worker.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The engine's build answer read as it arrives. */
class BuildMessagesTest {
    private final List<String> log = new ArrayList<>();

    private BuildMessages.Outcome read(InputStream in) throws IOException {
        return new BuildMessages(Json.mapper(), log::add).read(in);
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Hands the stream over one byte per read, so every line is split across reads. */
    private static InputStream trickle(String text) {
        InputStream all = bytes(text);
        return new InputStream() {
            @Override
            public int read() throws IOException {
                return all.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : all.read(b, off, 1);
            }
        };
    }

    private static final String SUCCESS = "{\"stream\":\"Step 1/2 : FROM base\\n\"}\r\n"
            + "{\"stream\":\" ---\\u003e 1f88\\n\"}\r\n"
            + "{\"status\":\"Pulling fs layer\",\"id\":\"abc\"}\r\n"
            + "{\"aux\":{\"ID\":\"sha256:0123abcd\"}}\r\n"
            + "{\"stream\":\"Successfully built 0123abcd\\nSuccessfully tagged x:1\\n\"}\r\n";

    @Test
    void success_logsEveryLine_andTakesTheImageIdFromAux() throws Exception {
        BuildMessages.Outcome outcome = read(bytes(SUCCESS));
        assertEquals("sha256:0123abcd", outcome.imageId());
        assertNull(outcome.error());
        assertEquals(List.of("Step 1/2 : FROM base", " ---> 1f88", "Pulling fs layer", "Successfully built 0123abcd",
                "Successfully tagged x:1"), log);
    }

    @Test
    void linesSplitAcrossReads_areTheSameMessages() throws Exception {
        BuildMessages.Outcome outcome = read(trickle(SUCCESS));
        assertEquals("sha256:0123abcd", outcome.imageId());
        assertEquals(5, log.size());
    }

    @Test
    void errorDetail_isTheFailure_andTheFirstOneIsKept() throws Exception {
        BuildMessages.Outcome outcome = read(bytes("{\"stream\":\"Step 2/2 : RUN false\\n\"}\n"
                + "{\"errorDetail\":{\"code\":1,\"message\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"},"
                + "\"error\":\"The command '/bin/sh -c false' returned a non-zero code: 1\"}\n"
                + "{\"error\":\"later\"}\n"));
        assertEquals("The command '/bin/sh -c false' returned a non-zero code: 1", outcome.error());
        assertNull(outcome.imageId());
        assertTrue(log.contains("ERROR: The command '/bin/sh -c false' returned a non-zero code: 1"), log::toString);
    }

    @Test
    void aLastLineWithoutNewline_isStillRead() throws Exception {
        assertEquals("sha256:ff", read(bytes("{\"aux\":{\"ID\":\"sha256:ff\"}}")).imageId());
    }

    @Test
    void notJson_isAClearEngineError() {
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> read(bytes("{\"stream\":\"ok\\n\"}\n<html>502 Bad Gateway</html>\n")));
        assertEquals(ErrorCode.ENGINE_ERROR, e.code());
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("502 Bad Gateway"), e.getMessage());
    }

    @Test
    void jsonThatIsNotAnObject_isAClearEngineError() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> read(bytes("[1,2]\n")));
        assertEquals(ErrorCode.ENGINE_ERROR, e.code());
    }

    @Test
    void anEndlessLine_isRefusedInsteadOfBuffered() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };
        SlipwayException e = assertThrows(SlipwayException.class, () -> read(endless));
        assertEquals(ErrorCode.ENGINE_ERROR, e.code());
    }
}
