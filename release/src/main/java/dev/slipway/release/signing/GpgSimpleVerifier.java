package dev.slipway.release.signing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPOnePassSignature;
import org.bouncycastle.openpgp.PGPOnePassSignatureList;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.jcajce.JcaPGPObjectFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;

/**
 * Checks a containers-signature blob the way containers/image does before trusting it: the signer is a trusted,
 * unrevoked, unexpired key; the OpenPGP signature is valid; only then is the payload parsed; and the payload
 * names the expected manifest digest and identity ({@code matchRepoDigestOrExact}: a tag must match exactly, a
 * digest-only reference needs the same repository).
 */
public final class GpgSimpleVerifier {
    private final GpgPublicKeys trusted;
    private final ObjectMapper json;
    private final Clock clock;

    public GpgSimpleVerifier(GpgPublicKeys trusted, ObjectMapper json, Clock clock) {
        this.trusted = Objects.requireNonNull(trusted, "trusted");
        this.json = Objects.requireNonNull(json, "json");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies {@code blob} for the image {@code expected} (tag or digest reference) with manifest {@code digest}. */
    public VerifiedSimpleSignature verify(byte[] blob, Digest digest, ImageReference expected) {
        VerifiedSimpleSignature verified = authenticate(blob);
        SimpleSigningPayload payload = verified.payload();
        if (!payload.manifestDigest().equals(digest)) {
            throw new SlipwayException(ErrorCode.SIGNATURE_CLAIM_MISMATCH, "Tried to verify a signature for "
                    + expected + " (" + digest + ") but it signs the manifest " + payload.manifestDigest());
        }
        boolean identityMatches = expected.tag() != null
                ? payload.identity().toString().equals(expected.withTag(expected.tag()).toString())
                : payload.identity().name().equals(expected.name());
        if (!identityMatches) {
            throw new SlipwayException(ErrorCode.SIGNATURE_CLAIM_MISMATCH, "Tried to verify a signature for "
                    + expected + " but it signs the identity " + payload.identity());
        }
        return verified;
    }

    /** Checks the signer and the signature and returns the authenticated payload, without comparing claims. */
    public VerifiedSimpleSignature authenticate(byte[] blob) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(blob))) {
            JcaPGPObjectFactory objects = new JcaPGPObjectFactory(in);
            Object next = objects.nextObject();
            if (next instanceof PGPCompressedData compressed) {
                objects = new JcaPGPObjectFactory(compressed.getDataStream());
                next = objects.nextObject();
            }
            if (!(next instanceof PGPOnePassSignatureList onePass) || onePass.size() != 1) {
                throw invalid("it is not an OpenPGP signed message with one signature (a detached or cleartext"
                        + " signature is not accepted)");
            }
            if (!(objects.nextObject() instanceof PGPLiteralData literal)) {
                throw invalid("the signed message carries no literal data");
            }
            byte[] content = literal.getDataStream().readAllBytes();
            PGPOnePassSignature ops = onePass.get(0);
            PGPPublicKey signer = trusted.find(ops.getKeyID()).orElseThrow(() -> new SlipwayException(
                    ErrorCode.SIGNATURE_UNTRUSTED, "Tried to verify a signature but its key "
                    + String.format("%016X", ops.getKeyID()) + " is not among the trusted keys "
                    + trusted.fingerprints()));
            PGPPublicKey primary = trusted.primaryOf(ops.getKeyID()).orElse(signer);
            checkUsable(signer);
            checkUsable(primary);
            ops.init(new JcaPGPContentVerifierBuilderProvider().setProvider(new BouncyCastleProvider()), signer);
            ops.update(content);
            if (!(objects.nextObject() instanceof PGPSignatureList signatures) || signatures.size() != 1
                    || !ops.verify(signatures.get(0))) {
                throw new SlipwayException(ErrorCode.SIGNATURE_INVALID, "Tried to verify a signature by "
                        + GpgPublicKeys.fingerprint(primary) + " but it does not match the signed content");
            }
            if (objects.nextObject() != null) {
                throw invalid("there is data after the signature");
            }
            // Only now, authenticated, is the payload parsed (containers-signature requires this order).
            return new VerifiedSimpleSignature(SimpleSigningPayload.parse(json, content),
                    GpgPublicKeys.fingerprint(primary));
        } catch (IOException | PGPException | RuntimeException e) {
            if (e instanceof SlipwayException s) {
                throw s;
            }
            throw new SlipwayException(ErrorCode.SIGNATURE_INVALID,
                    "Tried to read a signature but it is not valid OpenPGP data: " + e.getMessage(), e);
        }
    }

    private void checkUsable(PGPPublicKey key) {
        String fpr = GpgPublicKeys.fingerprint(key);
        if (key.hasRevocation()) {
            throw new SlipwayException(ErrorCode.SIGNATURE_UNTRUSTED,
                    "Tried to verify a signature but the key " + fpr + " is revoked");
        }
        long valid = key.getValidSeconds();
        Instant expiry = key.getCreationTime().toInstant().plusSeconds(valid);
        if (valid > 0 && !clock.instant().isBefore(expiry)) {
            throw new SlipwayException(ErrorCode.SIGNATURE_UNTRUSTED,
                    "Tried to verify a signature but the key " + fpr + " expired at " + expiry);
        }
    }

    private static SlipwayException invalid(String reason) {
        return new SlipwayException(ErrorCode.SIGNATURE_INVALID, "Tried to verify a signature but " + reason);
    }
}
