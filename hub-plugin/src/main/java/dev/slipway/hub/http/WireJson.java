package dev.slipway.hub.http;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.json.Json;
import java.io.CharConversionException;
import java.io.IOException;

/**
 * The hub's JSON mapping: Slipway's shared mapper made strict for requests. Unknown keys, duplicate keys, trailing
 * data, nulls for numbers and scalar coercions ("true" for true, 1 for "1") are refused.
 */
public final class WireJson {
    private WireJson() {
    }

    /**
     * Decodes a request body as {@code type}. Jackson detects the body's encoding (UTF-8, -16 or -32) from its first
     * bytes; a body that is not valid text in that encoding fails as REQUEST_MALFORMED rather than as an I/O error
     * (which the hub would answer with 500). Other problems are the mapper's {@code JsonProcessingException}.
     */
    public static <T> T read(ObjectMapper json, byte[] body, Class<T> type) throws IOException {
        try {
            return json.readValue(body, type);
        } catch (CharConversionException e) {
            throw new SlipwayException(ErrorCode.REQUEST_MALFORMED, "The request body is not valid JSON text: "
                    + e.getMessage());
        }
    }

    public static ObjectMapper strict() {
        ObjectMapper m = Json.mapper();
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        m.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        m.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return m;
    }
}
