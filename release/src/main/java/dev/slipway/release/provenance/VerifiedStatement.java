package dev.slipway.release.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An in-toto statement whose DSSE signature verified: its predicate type and a copy of the whole statement. */
public record VerifiedStatement(String predicateType, JsonNode statement, String keyid) {
    public VerifiedStatement {
        Objects.requireNonNull(predicateType, "predicateType");
        statement = statement.deepCopy();
        Objects.requireNonNull(keyid, "keyid");
    }

    @Override
    public JsonNode statement() {
        return statement.deepCopy();
    }

    /** {@code predicate} of the statement. */
    public JsonNode predicate() {
        return statement.path("predicate").deepCopy();
    }
}
