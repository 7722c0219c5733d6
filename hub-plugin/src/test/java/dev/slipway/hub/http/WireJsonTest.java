package dev.slipway.hub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class WireJsonTest {
    @Test
    void read_bodyThatIsNotValidTextInItsEncoding_isAClientError() {
        // Four bytes "00 00 00 7b" make Jackson read UTF-32; the next code point is above U+10FFFF (fuzzing found it).
        byte[] body = ByteBuffer.allocate(8).putInt(0x7b).putInt(0x6c686e65).array();
        SlipwayException e = assertThrows(SlipwayException.class,
                () -> WireJson.read(WireJson.strict(), body, BuildContainerRequest.class));
        assertEquals(ErrorCode.REQUEST_MALFORMED, e.code());
        assertEquals(400, ErrorMapping.of(e, "test").status());
    }
}
