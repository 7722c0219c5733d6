package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.testing.registry.TestImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our OpenPGP simple signatures checked by skopeo standalone-verify (containers/image + GPGME) and gpg itself. */
class GpgSimpleSigningIT {
    private static final String IDENTITY = "registry.example.org/team/nova-conductor:16.0.0-4";
    private static GpgSigningKey key;
    private static GnupgHome gnupg;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws IOException {
        key = new GpgKeyGenerator(Clock.systemUTC(), 2048).generate("Slipway Test <test@slipway.invalid>",
                "secret".toCharArray());
        gnupg = GnupgHome.create();
        gnupg.importKeys(key.publicKeys().armored());
    }

    @AfterAll
    static void stopAgent() {
        gnupg.close();
    }

    @Test
    void standaloneVerify_ourSignature_isVerified() throws IOException {
        TestImage image = TestImage.create("hello", "hi", TestImage.Format.OCI);
        Path manifest = write("manifest.json", image.manifest());
        Path signature = write("signature-1", sign(image.manifestDigest(), IDENTITY));

        OutsideTool result = gnupg.run(List.of("skopeo", "standalone-verify", manifest.toString(), IDENTITY,
                key.fingerprint(), signature.toString())).requireSuccess();

        assertTrue(result.stdout().contains("Signature verified"), result.output());
        assertTrue(result.stdout().contains(image.manifestDigest().toString()), result.output());
    }

    @Test
    void standaloneVerify_otherReference_isRejected() throws IOException {
        TestImage image = TestImage.create("hello", "hi", TestImage.Format.OCI);
        Path manifest = write("manifest.json", image.manifest());
        Path signature = write("signature-1", sign(image.manifestDigest(), IDENTITY));

        OutsideTool result = gnupg.run(List.of("skopeo", "standalone-verify", manifest.toString(),
                "registry.example.org/team/nova-conductor:17.0.0-1", key.fingerprint(), signature.toString()));

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.stderr().contains("does not match"), result.output());
    }

    @Test
    void standaloneVerify_otherManifest_isRejected() throws IOException {
        TestImage signed = TestImage.create("hello", "hi", TestImage.Format.OCI);
        TestImage other = TestImage.create("hello", "tampered", TestImage.Format.OCI);
        Path manifest = write("manifest.json", other.manifest());
        Path signature = write("signature-1", sign(signed.manifestDigest(), IDENTITY));

        OutsideTool result = gnupg.run(List.of("skopeo", "standalone-verify", manifest.toString(), IDENTITY,
                key.fingerprint(), signature.toString()));

        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(result.stderr().contains("does not match"), result.output());
    }

    @Test
    void standaloneVerify_otherKeyFingerprint_isRejected() throws IOException {
        TestImage image = TestImage.create("hello", "hi", TestImage.Format.OCI);
        Path manifest = write("manifest.json", image.manifest());
        Path signature = write("signature-1", sign(image.manifestDigest(), IDENTITY));

        OutsideTool result = gnupg.run(List.of("skopeo", "standalone-verify", manifest.toString(), IDENTITY,
                "0123456789ABCDEF0123456789ABCDEF01234567", signature.toString()));

        assertNotEquals(0, result.exitCode(), result.output());
    }

    @Test
    void gpgVerify_blobIsSignedMessageWithOurPayload() throws IOException {
        Digest digest = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));
        Path signature = write("signature-1", sign(digest, IDENTITY));

        OutsideTool verify = gnupg.gpg("--status-fd", "1", "--verify", signature.toString()).requireSuccess();
        OutsideTool packets = gnupg.gpg("--list-packets", signature.toString()).requireSuccess();
        OutsideTool decrypted = gnupg.gpg("--decrypt", signature.toString()).requireSuccess();

        assertTrue(verify.stdout().contains("VALIDSIG " + key.signingKeyFingerprint()), verify.output());
        assertTrue(packets.stdout().contains(":onepass_sig packet:"), packets.output());
        assertTrue(packets.stdout().contains(":literal data packet:"), packets.output());
        String payload = decrypted.stdout();
        assertTrue(payload.contains("\"docker-manifest-digest\":\"" + digest + "\""), payload);
        assertTrue(payload.contains("\"docker-reference\":\"" + IDENTITY + "\""), payload);
        assertTrue(payload.contains("\"type\":\"atomic container signature\""), payload);
    }

    private byte[] sign(Digest digest, String identity) {
        return new GpgSimpleSigner(key, Clock.systemUTC()).sign(new SimpleSigningPayload(digest,
                ImageReference.parse(identity), "slipway 0.1", Instant.now()));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }
}
