package dev.slipway.hub.koji;

import java.util.List;
import java.util.Map;

/** Names of XML-RPC value types, for messages. */
final class KojiValues {
    private KojiValues() {
    }

    static String typeName(Object v) {
        if (v == null) {
            return "nil";
        }
        if (v instanceof Integer || v instanceof Long) {
            return "int";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Double) {
            return "double";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof byte[]) {
            return "base64";
        }
        if (v instanceof List) {
            return "array";
        }
        if (v instanceof Map) {
            return "struct";
        }
        return v.getClass().getSimpleName();
    }
}
