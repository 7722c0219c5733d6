package dev.slipway.common.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.slipway.common.image.Digest;

/** Builds the one ObjectMapper Slipway passes around: snake_case fields, ISO-8601 times, digests as text. */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        SimpleModule digests = new SimpleModule("slipway-values");
        digests.addSerializer(Digest.class, ToStringSerializer.instance);
        // Read digests back from the same text, so documents this mapper writes can be read by it.
        digests.addDeserializer(Digest.class, new FromStringDeserializer<>(Digest.class) {
            @Override
            protected Digest _deserialize(String value, DeserializationContext context) {
                return Digest.parse(value);
            }
        });
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(digests)
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }
}
