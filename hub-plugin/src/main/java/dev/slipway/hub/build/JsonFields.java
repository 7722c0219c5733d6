package dev.slipway.hub.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.ArrayList;
import java.util.List;

/** Typed, path-aware reads from a JSON document; every failure names the path (metadata.output[0].type...). */
record JsonFields(JsonNode node, String path) {
    JsonFields at(String field) {
        return new JsonFields(node == null ? null : node.get(field), path + "." + field);
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    String string() {
        if (!present() || !node.isTextual() || node.asText().isEmpty()) {
            throw invalid("must be a non-empty string");
        }
        return node.asText();
    }

    String optionalString() {
        if (!present()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid("must be a string or null");
        }
        return node.asText();
    }

    long number() {
        if (!present() || !node.isIntegralNumber()) {
            throw invalid("must be an integer");
        }
        return node.asLong();
    }

    Long optionalNumber() {
        return present() ? number() : null;
    }

    JsonNode object() {
        if (!present() || !node.isObject()) {
            throw invalid("must be an object");
        }
        return node;
    }

    List<JsonFields> array() {
        if (!present() || !node.isArray()) {
            throw invalid("must be an array");
        }
        List<JsonFields> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(new JsonFields(node.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    List<String> strings() {
        return array().stream().map(JsonFields::string).toList();
    }

    SlipwayException invalid(String why) {
        return new SlipwayException(ErrorCode.CG_METADATA_INVALID, "Content-generator metadata: " + path + " " + why);
    }
}
