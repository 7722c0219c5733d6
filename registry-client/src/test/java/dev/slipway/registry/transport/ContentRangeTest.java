package dev.slipway.registry.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import org.junit.jupiter.api.Test;

class ContentRangeTest {

    @Test
    void ofChunk_isInclusiveWithoutUnit() {
        assertEquals("0-9", ContentRange.ofChunk(0, 10).toString());
        assertEquals("10-28", ContentRange.ofChunk(10, 19).toString());
    }

    @Test
    void parse_registryRangeHeader_withAndWithoutUnit() {
        assertEquals(new ContentRange(0, 28), ContentRange.parse("0-28"));
        assertEquals(new ContentRange(0, 28), ContentRange.parse("bytes=0-28"));
        assertEquals(29, ContentRange.parse(" 0-28 ").length());
    }

    @Test
    void parse_garbage_isAProtocolError() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> ContentRange.parse("0-"));
        assertEquals(ErrorCode.REGISTRY_PROTOCOL, e.code());
        assertEquals(ErrorCode.REGISTRY_PROTOCOL,
                assertThrows(SlipwayException.class, () -> ContentRange.parse("9-3")).code());
    }
}
