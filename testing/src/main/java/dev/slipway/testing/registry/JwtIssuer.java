package dev.slipway.testing.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs registry tokens (RS256 JWTs) with a throw-away key whose self-signed certificate is the registry's
 * {@code rootcertbundle}; every token carries the certificate in its {@code x5c} header, which distribution 2.8
 * verifies against that bundle.
 */
final class JwtIssuer {
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final ObjectMapper json;

    JwtIssuer(ObjectMapper json, SecureRandom random) {
        this.json = json;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            this.keys = generator.generateKeyPair();
            this.certificate = selfSigned(keys, random);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Tried to make a token signing key but could not", e);
        }
    }

    /** The certificate as PEM, for the registry's {@code rootcertbundle}. */
    String certificatePem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tried to encode the token certificate but could not", e);
        }
    }

    /** A compact JWS over these claims. */
    String sign(Map<String, Object> claims) {
        try {
            Map<String, Object> header = Map.of("typ", "JWT", "alg", "RS256",
                    "x5c", List.of(Base64.getEncoder().encodeToString(certificate.getEncoded())));
            String input = part(json.writeValueAsBytes(header)) + "." + part(json.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + part(rsa.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Tried to sign a registry token but could not", e);
        }
    }

    private static String part(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static X509Certificate selfSigned(KeyPair keys, SecureRandom random)
            throws OperatorCreationException, GeneralSecurityException, IOException {
        X500Name name = new X500Name("CN=Slipway test token issuer");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, random).add(BigInteger.ONE), Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(7 * 24 * 3600)), name, keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
