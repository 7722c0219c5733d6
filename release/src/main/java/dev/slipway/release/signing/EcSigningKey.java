package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Objects;
import org.bouncycastle.asn1.nist.NISTNamedCurves;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * An ECDSA P-256 key pair that signs cosign payloads and DSSE envelopes (SHA-256, ASN.1 DER signatures, which is
 * what {@code openssl dgst -verify} and cosign expect). Loads unencrypted PEM ({@code EC PRIVATE KEY} or PKCS#8
 * {@code PRIVATE KEY}) as {@code openssl ecparam -genkey} writes it.
 */
public final class EcSigningKey {
    private final PrivateKey privateKey;
    private final EcVerificationKey verificationKey;

    private EcSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
        this.verificationKey = new EcVerificationKey(publicKey);
    }

    /** A new random P-256 key. */
    public static EcSigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new EcSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID, "Tried to generate a P-256 key but " + e, e);
        }
    }

    /** Reads an unencrypted PEM private key on P-256. */
    public static EcSigningKey fromPem(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            PrivateKey privateKey;
            if (object instanceof PEMKeyPair pair) {
                privateKey = converter.getPrivateKey(pair.getPrivateKeyInfo());
            } else if (object instanceof PrivateKeyInfo info) {
                privateKey = converter.getPrivateKey(info);
            } else {
                throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID, "Tried to read a PEM private key but found "
                        + (object == null ? "nothing" : object.getClass().getSimpleName())
                        + " (encrypted keys are not supported)");
            }
            if (!(privateKey instanceof ECPrivateKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
                throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                        "Tried to read an ECDSA P-256 private key but the PEM holds a " + privateKey.getAlgorithm()
                                + " key of another kind");
            }
            return new EcSigningKey(privateKey, publicOf(ec));
        } catch (IOException | GeneralSecurityException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read a PEM private key but " + e.getMessage(), e);
        }
    }

    /** The private key as unencrypted PKCS#8 PEM (store it with owner-only permissions). */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    public EcVerificationKey verificationKey() {
        return verificationKey;
    }

    /** The DER-encoded ECDSA-SHA256 signature over exactly these bytes. */
    public byte[] sign(byte[] data) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(privateKey);
            signer.update(data);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new SlipwayException(ErrorCode.SIGNING_FAILED, "Tried to sign " + data.length
                    + " bytes with the P-256 key " + verificationKey.keyId() + " but " + e, e);
        }
    }

    /** Q = d * G on P-256, for PKCS#8 files that leave the public point out. */
    private static PublicKey publicOf(ECPrivateKey key) throws GeneralSecurityException {
        org.bouncycastle.math.ec.ECPoint q = NISTNamedCurves.getByName("P-256").getG().multiply(key.getS())
                .normalize();
        BigInteger x = q.getAffineXCoord().toBigInteger();
        BigInteger y = q.getAffineYCoord().toBigInteger();
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), key.getParams()));
    }
}
