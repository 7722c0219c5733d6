package dev.slipway.release.provenance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.release.signing.EcSigningKey;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * Signs in-toto statements into DSSE envelopes with an ECDSA P-256 key: the entry point that turns a build's
 * {@link BuildProvenanceInput} or a {@link PromotionRecord} into a signed attestation.
 */
public final class AttestationSigner {
    private final EcSigningKey key;
    private final InTotoStatements statements = new InTotoStatements();

    public AttestationSigner(EcSigningKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The DSSE-signed SLSA provenance statement of a build. */
    public DsseEnvelope signBuildProvenance(BuildProvenanceInput input) {
        return sign(statements.buildProvenance(input));
    }

    /** The DSSE-signed promotion statement of one promoted digest. */
    public DsseEnvelope signPromotion(PromotionRecord record) {
        return sign(statements.promotion(record));
    }

    /** Signs any statement: the signature covers the DSSE PAE of the payload type and the exact payload bytes. */
    public DsseEnvelope sign(ObjectNode statement) {
        byte[] payload = statement.toString().getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(Dsse.pae(Dsse.IN_TOTO_PAYLOAD_TYPE, payload));
        return new DsseEnvelope(Dsse.IN_TOTO_PAYLOAD_TYPE, payload,
                List.of(new DsseSignature(key.verificationKey().keyId(), signature)));
    }
}
