package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Date;
import java.util.Objects;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;

/**
 * Signs a {@link SimpleSigningPayload} into a containers-signature blob: an OpenPGP signed message (one-pass
 * signature, literal data holding the payload, signature; RFC 4880 section 11.3), not a detached signature, which
 * containers/image rejects.
 */
public final class GpgSimpleSigner {
    private final GpgSigningKey key;
    private final Clock clock;

    public GpgSimpleSigner(GpgSigningKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The signature blob for {@code payload}, as stored in lookaside {@code signature-N} files. */
    public byte[] sign(SimpleSigningPayload payload) {
        return signBytes(payload.toJson(), payload.identity() + "@" + payload.manifestDigest());
    }

    /** Signs arbitrary bytes into an OpenPGP signed message ({@code what} only names them in errors). */
    byte[] signBytes(byte[] content, String what) {
        Date now = Date.from(clock.instant());
        try {
            PGPSignatureGenerator generator = new PGPSignatureGenerator(new JcaPGPContentSignerBuilder(
                    key.secretKey().getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
                    .setProvider(new BouncyCastleProvider()));
            generator.init(PGPSignature.BINARY_DOCUMENT, key.privateKey());
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setSignatureCreationTime(false, now);
            hashed.setIssuerFingerprint(false, key.secretKey());
            generator.setHashedSubpackets(hashed.generate());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (BCPGOutputStream out = new BCPGOutputStream(bytes)) {
                generator.generateOnePassVersion(false).encode(out);
                PGPLiteralDataGenerator literal = new PGPLiteralDataGenerator();
                try (OutputStream data = literal.open(out, PGPLiteralData.BINARY, "", content.length, now)) {
                    data.write(content);
                }
                generator.update(content);
                generator.generate().encode(out);
            }
            return bytes.toByteArray();
        } catch (PGPException | IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_FAILED, "Tried to sign " + what + " with key "
                    + key.signingKeyFingerprint() + " but " + e.getMessage(), e);
        }
    }
}
