package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.bcpg.sig.KeyFlags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.operator.PGPDigestCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyEncryptorBuilder;

/**
 * Makes a new RSA OpenPGP key that may sign and certify (what {@code gpg --quick-gen-key ... sign} makes), for
 * throw-away test keys and for bootstrapping a signing identity.
 */
public final class GpgKeyGenerator {
    private final Clock clock;
    private final int rsaBits;

    /** @param rsaBits 2048 for tests, 3072 or more for real identities */
    public GpgKeyGenerator(Clock clock, int rsaBits) {
        if (rsaBits < 2048) {
            throw new IllegalArgumentException("RSA keys below 2048 bits are refused by gpg");
        }
        this.clock = clock;
        this.rsaBits = rsaBits;
    }

    /** A new key for {@code userId} (e.g. {@code "Slipway Release <release@example.org>"}), locked by passphrase. */
    public GpgSigningKey generate(String userId, char[] passphrase) {
        try {
            BouncyCastleProvider bc = new BouncyCastleProvider();
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(rsaBits);
            PGPKeyPair pair = new JcaPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, rsa.generateKeyPair(),
                    Date.from(clock.instant()));
            PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
            hashed.setKeyFlags(true, KeyFlags.SIGN_DATA | KeyFlags.CERTIFY_OTHER);
            hashed.setPreferredHashAlgorithms(false, new int[] {HashAlgorithmTags.SHA256, HashAlgorithmTags.SHA512});
            PGPDigestCalculator sha1 = new JcaPGPDigestCalculatorProviderBuilder().setProvider(bc).build()
                    .get(HashAlgorithmTags.SHA1);
            PGPKeyRingGenerator generator = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                    userId, sha1, hashed.generate(), null,
                    new JcaPGPContentSignerBuilder(pair.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
                            .setProvider(bc),
                    new JcePBESecretKeyEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256, sha1).setProvider(bc)
                            .build(passphrase));
            PGPSecretKeyRing ring = generator.generateSecretKeyRing();
            return GpgSigningKey.parse(ring.getEncoded(), passphrase, null);
        } catch (NoSuchAlgorithmException | PGPException | IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to generate an OpenPGP key for " + userId + " but " + e.getMessage(), e);
        }
    }
}
