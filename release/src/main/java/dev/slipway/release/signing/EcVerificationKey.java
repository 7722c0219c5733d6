package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/** An ECDSA P-256 public key that checks cosign and DSSE signatures; its PEM is what {@code openssl} and cosign read. */
public final class EcVerificationKey {
    private final PublicKey key;

    EcVerificationKey(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Reads a {@code PUBLIC KEY} PEM (SubjectPublicKeyInfo, as {@code cosign.pub} or {@code openssl pkey -pubout}). */
    public static EcVerificationKey fromPem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            if (!(parser.readObject() instanceof SubjectPublicKeyInfo info)) {
                throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                        "Tried to read a PEM public key but it holds no PUBLIC KEY block");
            }
            PublicKey key = new JcaPEMKeyConverter().getPublicKey(info);
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                        "Tried to read an ECDSA P-256 public key but the PEM holds another kind of key");
            }
            return new EcVerificationKey(key);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read a PEM public key but " + e.getMessage(), e);
        }
    }

    /** The key as a {@code PUBLIC KEY} PEM block. */
    public String pem() {
        return Pem.encode("PUBLIC KEY", key.getEncoded());
    }

    /** A stable id: the hex sha256 of the DER SubjectPublicKeyInfo (used as the DSSE {@code keyid}). */
    public String keyId() {
        return Digest.sha256(key.getEncoded()).hex();
    }

    /** True when {@code signature} (DER) is a valid ECDSA-SHA256 signature by this key over exactly {@code data}. */
    public boolean verifies(byte[] data, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false; // a malformed signature is simply not a valid one
        }
    }

    @Override
    public String toString() {
        return "EcVerificationKey[" + keyId() + "]";
    }
}
