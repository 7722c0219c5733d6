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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;

/**
 * The OpenPGP public keys a verifier trusts (what {@code policy.json}'s {@code signedBy keyPath} names), read from
 * an armored or binary keyring.
 */
public final class GpgPublicKeys {
    private final PGPPublicKeyRingCollection rings;

    GpgPublicKeys(PGPPublicKeyRingCollection rings) {
        this.rings = rings;
    }

    /** Reads an ASCII-armored or binary public keyring (one or more keys). */
    public static GpgPublicKeys parse(byte[] keyring) {
        try (InputStream in = PGPUtil.getDecoderStream(new ByteArrayInputStream(keyring))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new JcaKeyFingerprintCalculator());
            if (rings.size() == 0) {
                throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                        "Tried to read a public keyring but it holds no key");
            }
            return new GpgPublicKeys(rings);
        } catch (IOException | PGPException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read a public keyring but it is not OpenPGP key material: " + e.getMessage(), e);
        }
    }

    /** Reads a keyring file, e.g. the one a policy's {@code keyPath} names. */
    public static GpgPublicKeys read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read the public keyring " + file + " but could not: " + e.getMessage(), e);
        }
    }

    /** The key (primary or subkey) with this 64-bit key id. */
    Optional<PGPPublicKey> find(long keyId) {
        return Optional.ofNullable(rings.getPublicKey(keyId));
    }

    /** The primary key of the ring holding key {@code keyId}. */
    Optional<PGPPublicKey> primaryOf(long keyId) {
        return Optional.ofNullable(rings.getPublicKeyRing(keyId)).map(PGPPublicKeyRing::getPublicKey);
    }

    /** The primary key fingerprints, upper-case hex as {@code gpg --fingerprint} and skopeo print them. */
    public List<String> fingerprints() {
        List<String> out = new ArrayList<>();
        rings.forEach(ring -> out.add(fingerprint(ring.getPublicKey())));
        return List.copyOf(out);
    }

    /** The keyring ASCII-armored, e.g. for a policy's {@code keyPath} file or {@code gpg --import}. */
    public String armored() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ArmoredOutputStream armor = new ArmoredOutputStream(bytes)) {
            for (PGPPublicKeyRing ring : rings) {
                ring.encode(armor);
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID, "Tried to armor a public keyring but " + e, e);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    static String fingerprint(PGPPublicKey key) {
        return HexFormat.of().formatHex(key.getFingerprint()).toUpperCase(Locale.ROOT);
    }
}
