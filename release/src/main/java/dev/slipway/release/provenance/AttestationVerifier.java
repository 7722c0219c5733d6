package dev.slipway.release.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.release.signing.EcVerificationKey;
import java.io.IOException;
import java.util.Objects;

/**
 * Checks DSSE-signed in-toto statements: a signature by the trusted key over the PAE, then (and only then) the
 * statement's type, predicate type and that a subject carries the expected digest.
 */
public final class AttestationVerifier {
    private final EcVerificationKey key;
    private final ObjectMapper json;

    public AttestationVerifier(EcVerificationKey key, ObjectMapper json) {
        this.key = Objects.requireNonNull(key, "key");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** A build's SLSA provenance for the image with manifest {@code digest}. */
    public VerifiedStatement verifyBuildProvenance(DsseEnvelope envelope, Digest digest) {
        VerifiedStatement verified = verify(envelope, InTotoStatements.SLSA_PROVENANCE, digest);
        JsonNode predicate = verified.predicate();
        if (!predicate.path("buildDefinition").path("buildType").isTextual()
                || !predicate.path("runDetails").path("builder").path("id").isTextual()) {
            throw invalid(digest, "the provenance has no buildType or builder id");
        }
        return verified;
    }

    /** A promotion statement for the promoted {@code digest}. */
    public VerifiedStatement verifyPromotion(DsseEnvelope envelope, Digest digest) {
        return verify(envelope, InTotoStatements.PROMOTION_PREDICATE, digest);
    }

    /** Any statement of {@code predicateType} about {@code digest}. */
    public VerifiedStatement verify(DsseEnvelope envelope, String predicateType, Digest digest) {
        if (!Dsse.IN_TOTO_PAYLOAD_TYPE.equals(envelope.payloadType())) {
            throw invalid(digest, "the payload type is " + envelope.payloadType());
        }
        byte[] pae = Dsse.pae(envelope.payloadType(), envelope.payload());
        DsseSignature good = envelope.signatures().stream().filter(s -> key.verifies(pae, s.sig())).findFirst()
                .orElseThrow(() -> new SlipwayException(ErrorCode.SIGNATURE_INVALID, "Tried to verify an attestation"
                        + " for " + digest + " but none of its " + envelope.signatures().size()
                        + " signature(s) was made by the key " + key.keyId()));
        JsonNode statement;
        try {
            statement = json.readTree(envelope.payload());
        } catch (IOException e) {
            throw invalid(digest, "the signed payload is not JSON");
        }
        if (!InTotoStatements.STATEMENT_TYPE.equals(statement.path("_type").asText())) {
            throw invalid(digest, "_type is '" + statement.path("_type").asText() + "'");
        }
        if (!predicateType.equals(statement.path("predicateType").asText())) {
            throw invalid(digest, "the predicate type is '" + statement.path("predicateType").asText() + "', not '"
                    + predicateType + "'");
        }
        boolean subjectMatches = false;
        for (JsonNode subject : statement.path("subject")) {
            subjectMatches |= digest.hex().equals(subject.path("digest").path(digest.algorithm()).asText());
        }
        if (!subjectMatches) {
            throw new SlipwayException(ErrorCode.SIGNATURE_CLAIM_MISMATCH, "Tried to verify an attestation for "
                    + digest + " but its subjects are " + statement.path("subject"));
        }
        return new VerifiedStatement(predicateType, statement, good.keyid());
    }

    private static SlipwayException invalid(Digest digest, String reason) {
        return new SlipwayException(ErrorCode.PROVENANCE_INVALID,
                "Tried to verify an attestation for " + digest + " but " + reason);
    }
}
