package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys made by openssl load here, and openssl derives the same public key we publish. */
class EcKeyOpensslIT {
    @TempDir
    Path dir;

    @Test
    void fromPem_opensslEcKey_signsWhatOpensslVerifies() throws IOException {
        OutsideTool.bash("openssl ecparam -name prime256v1 -genkey -noout -out key.pem;"
                + " openssl ec -in key.pem -pubout -out pub.pem 2>/dev/null", dir).requireSuccess();
        EcSigningKey key = EcSigningKey.fromPem(Files.readString(dir.resolve("key.pem")));
        Files.write(dir.resolve("data"), "hello".getBytes(StandardCharsets.UTF_8));
        Files.write(dir.resolve("sig.der"), key.sign("hello".getBytes(StandardCharsets.UTF_8)));

        OutsideTool verified = OutsideTool.bash("openssl dgst -sha256 -verify pub.pem -signature sig.der data", dir)
                .requireSuccess();

        assertEquals("Verified OK", verified.stdout().strip());
        assertEquals(Files.readString(dir.resolve("pub.pem")).strip(), key.verificationKey().pem().strip());
    }

    @Test
    void fromPem_pkcs8WithoutPublicPoint_derivesTheSamePublicKey() throws IOException {
        OutsideTool.bash("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem;"
                + " openssl pkey -in key.pem -pubout -out pub.pem", dir).requireSuccess();

        EcSigningKey key = EcSigningKey.fromPem(Files.readString(dir.resolve("key.pem")));

        assertTrue(Files.readString(dir.resolve("key.pem")).contains("BEGIN PRIVATE KEY"));
        assertEquals(Files.readString(dir.resolve("pub.pem")).strip(), key.verificationKey().pem().strip());
    }
}
