package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;

/**
 * An unlocked OpenPGP signing key (from an armored secret key file or keyring and its passphrase, or made by
 * {@link GpgKeyGenerator}) that {@link GpgSimpleSigner} signs with.
 */
public final class GpgSigningKey {
    private final PGPSecretKeyRing ring;
    private final PGPSecretKey secretKey;
    private final PGPPrivateKey privateKey;

    GpgSigningKey(PGPSecretKeyRing ring, PGPSecretKey secretKey, PGPPrivateKey privateKey) {
        this.ring = ring;
        this.secretKey = secretKey;
        this.privateKey = privateKey;
    }

    /**
     * Unlocks the signing key of an armored or binary secret keyring: the key with {@code fingerprint} when given,
     * else the first key allowed to sign data (a signing subkey when the primary key may not sign).
     */
    public static GpgSigningKey parse(byte[] secretKeyring, char[] passphrase, String fingerprint) {
        PGPSecretKeyRingCollection rings;
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(secretKeyring))) {
            rings = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
        } catch (IOException | PGPException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read a secret keyring but it is not OpenPGP secret key material: " + e.getMessage(), e);
        }
        for (PGPSecretKeyRing ring : rings) {
            for (PGPSecretKey key : candidates(ring)) {
                String keyFpr = GpgPublicKeys.fingerprint(key.getPublicKey());
                if (fingerprint == null ? canSign(key) : keyFpr.equalsIgnoreCase(fingerprint)) {
                    return new GpgSigningKey(ring, key, unlock(key, passphrase, keyFpr));
                }
            }
        }
        throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID, "Tried to find "
                + (fingerprint == null ? "a signing key" : "the key " + fingerprint) + " in a secret keyring of "
                + rings.size() + " key(s) but there is none");
    }

    /** Reads and unlocks a secret key file (e.g. {@code gpg --armor --export-secret-keys} output). */
    public static GpgSigningKey read(Path file, char[] passphrase, String fingerprint) {
        try {
            return parse(Files.readAllBytes(file), passphrase, fingerprint);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read the secret key file " + file + " but could not: " + e.getMessage(), e);
        }
    }

    /** Upper-case hex fingerprint of the primary key, the form skopeo and {@code signedBy} policies use. */
    public String fingerprint() {
        return GpgPublicKeys.fingerprint(ring.getPublicKey());
    }

    /** Upper-case hex fingerprint of the key that actually signs (the primary or a signing subkey). */
    public String signingKeyFingerprint() {
        return GpgPublicKeys.fingerprint(secretKey.getPublicKey());
    }

    /** The public half, as a trusted keyring for verifiers. */
    public GpgPublicKeys publicKeys() {
        List<PGPPublicKey> keys = new ArrayList<>();
        ring.getPublicKeys().forEachRemaining(keys::add);
        return new GpgPublicKeys(new PGPPublicKeyRingCollection(List.of(new PGPPublicKeyRing(keys))));
    }

    /** The (passphrase-protected) secret keyring ASCII-armored, for storing a generated key. */
    public String armoredSecretKey() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(bytes)) {
            ring.encode(armor);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID, "Tried to armor a secret key but " + e, e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    PGPSecretKey secretKey() {
        return secretKey;
    }

    PGPPrivateKey privateKey() {
        return privateKey;
    }

    private static List<PGPSecretKey> candidates(PGPSecretKeyRing ring) {
        List<PGPSecretKey> keys = new ArrayList<>();
        ring.getSecretKeys().forEachRemaining(k -> {
            if (!k.isPrivateKeyEmpty()) {
                keys.add(k);
            }
        });
        return keys;
    }

    /** Signing-capable, not revoked: key flags allow signing, or a primary key without flags (older keys). */
    private static boolean canSign(PGPSecretKey key) {
        PGPPublicKey pub = key.getPublicKey();
        if (!key.isSigningKey() || pub.hasRevocation()) {
            return false;
        }
        Optional<Integer> flags = keyFlags(pub);
        return flags.map(f -> (f & KeyFlags.SIGN_DATA) != 0).orElse(key.isMasterKey());
    }

    private static Optional<Integer> keyFlags(PGPPublicKey pub) {
        for (Iterator<PGPSignature> it = pub.getSignatures(); it.hasNext(); ) {
            PGPSignature sig = it.next();
            if (sig.getHashedSubPackets() != null && sig.getHashedSubPackets().getKeyFlags() != 0) {
                return Optional.of(sig.getHashedSubPackets().getKeyFlags());
            }
        }
        return Optional.empty();
    }

    private static PGPPrivateKey unlock(PGPSecretKey key, char[] passphrase, String fingerprint) {
        try {
            BouncyCastleProvider bc = new BouncyCastleProvider();
            return key.extractPrivateKey(new JcePBESecretKeyDecryptorBuilder(
                    new JcaPGPDigestCalculatorProviderBuilder().setProvider(bc).build())
                    .setProvider(bc).build(passphrase == null ? new char[0] : passphrase));
        } catch (PGPException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID, "Tried to unlock the secret key "
                    + fingerprint + " but the passphrase is wrong or the key is damaged: " + e.getMessage(), e);
        }
    }
}
