package dev.slipway.release.signing;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads signed JSON the paranoid way containers/image does: duplicate keys are an error and objects under
 * {@code critical} must hold exactly the expected members.
 */
final class StrictJson {
    private StrictJson() {
    }

    static JsonNode read(ObjectMapper json, byte[] bytes, String what) {
        try {
            JsonNode tree = json.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw invalid(what, "it is not a JSON object");
            }
            return tree;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNATURE_PAYLOAD_INVALID,
                    "Tried to read " + what + " but it is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** The object member {@code name}, which must hold exactly {@code members}. */
    static JsonNode exactObject(JsonNode parent, String name, Set<String> members, String what) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw invalid(what, "member '" + name + "' is missing or not an object");
        }
        exactMembers(node, members, "'" + name + "'", what);
        return node;
    }

    /** Fails unless {@code node} holds exactly {@code members}. */
    static void exactMembers(JsonNode node, Set<String> members, String where, String what) {
        Set<String> seen = new TreeSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            seen.add(it.next());
        }
        if (!seen.equals(new TreeSet<>(members))) {
            throw invalid(what, where + " must hold exactly " + new TreeSet<>(members) + " but holds " + seen);
        }
    }

    static String text(JsonNode parent, String name, String what) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual()) {
            throw invalid(what, "member '" + name + "' is missing or not a string");
        }
        return node.asText();
    }

    static SlipwayException invalid(String what, String reason) {
        return new SlipwayException(ErrorCode.SIGNATURE_PAYLOAD_INVALID, "Tried to read " + what + " but " + reason);
    }
}
