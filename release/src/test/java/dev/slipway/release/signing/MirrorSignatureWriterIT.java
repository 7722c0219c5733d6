package dev.slipway.release.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.testing.registry.TestImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signatures copied into a mirror directory stay checkable by sha256sum, skopeo and openssl. */
class MirrorSignatureWriterIT {
    private static final ImageReference IDENTITY = ImageReference.parse("registry.example.org/team/app:1.0-1");
    private static GpgSigningKey gpgKey;
    private static GnupgHome gnupg;
    private final EcSigningKey cosignKey = EcSigningKey.generate();
    private final TestImage image = TestImage.create("app", "v1", TestImage.Format.OCI);

    @TempDir
    Path mirror;
    @TempDir
    Path scratch;

    @BeforeAll
    static void keys() throws IOException {
        gpgKey = new GpgKeyGenerator(Clock.systemUTC(), 2048).generate("Mirror <m@slipway.invalid>", new char[0]);
        gnupg = GnupgHome.create();
        gnupg.importKeys(gpgKey.publicKeys().armored());
    }

    @AfterAll
    static void stopAgent() {
        gnupg.close();
    }

    /** A mirror as the worker leaves it, with a CHECKSUM made by sha256sum itself. */
    @BeforeEach
    void mirrorWithChecksum() throws IOException {
        Files.createDirectories(mirror.resolve("oci/blobs/sha256"));
        Files.write(mirror.resolve("oci/blobs/sha256/" + image.manifestDigest().hex()), image.manifest());
        Files.writeString(mirror.resolve("rpm-manifest.json"), "[]");
        Files.writeString(mirror.resolve("Dockerfile"), "FROM scratch\n");
        OutsideTool.bash("find . -type f ! -name CHECKSUM -printf '%P\\n' | sort | xargs sha256sum > CHECKSUM", mirror)
                .requireSuccess();
    }

    @Test
    void write_signatures_checksumStillVerifiesAndSignaturesCheckOut() throws IOException {
        List<Path> written = new MirrorSignatureWriter().write(mirror, signatures());

        OutsideTool sums = OutsideTool.run(List.of("sha256sum", "-c", "CHECKSUM"), mirror, Map.of()).requireSuccess();
        String gpgPath = "signatures/lookaside/team/app@sha256=" + image.manifestDigest().hex() + "/signature-1";
        assertTrue(sums.stdout().contains(gpgPath + ": OK"), sums.output());
        assertTrue(sums.stdout().contains("Dockerfile: OK"), sums.output());
        assertEquals(3, written.size());

        Path manifest = mirror.resolve("oci/blobs/sha256/" + image.manifestDigest().hex());
        gnupg.run(List.of("skopeo", "standalone-verify", manifest.toString(), IDENTITY.toString(),
                gpgKey.fingerprint(), mirror.resolve(gpgPath).toString())).requireSuccess();
        Path pub = Files.writeString(scratch.resolve("cosign.pub"), cosignKey.verificationKey().pem());
        OutsideTool openssl = OutsideTool.bash("d=signatures/cosign/sha256-$1.sig; base64 -d $d/signature-1.sig > $3;"
                + " openssl dgst -sha256 -verify \"$2\" -signature $3 $d/payload-1.json", mirror,
                image.manifestDigest().hex(), pub.toString(), scratch.resolve("sig.der").toString()).requireSuccess();
        assertEquals("Verified OK", openssl.stdout().strip());
    }

    @Test
    void write_twice_addsNothingNew() {
        MirrorSignatureWriter writer = new MirrorSignatureWriter();
        MirrorSignatures signatures = signatures();
        writer.write(mirror, signatures);
        writer.write(mirror, signatures);

        assertFalse(Files.exists(mirror.resolve("signatures/lookaside/team/app@sha256="
                + image.manifestDigest().hex() + "/signature-2")));
        assertFalse(Files.exists(mirror.resolve("signatures/cosign/sha256-" + image.manifestDigest().hex()
                + ".sig/payload-2.json")));
        OutsideTool.run(List.of("sha256sum", "-c", "--quiet", "CHECKSUM"), mirror, Map.of()).requireSuccess();
    }

    @Test
    void tamperedSignatureInMirror_failsSha256sum() throws IOException {
        new MirrorSignatureWriter().write(mirror, signatures());
        Path signature = mirror.resolve("signatures/lookaside/team/app@sha256=" + image.manifestDigest().hex()
                + "/signature-1");
        byte[] bytes = Files.readAllBytes(signature);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(signature, bytes);

        OutsideTool sums = OutsideTool.run(List.of("sha256sum", "-c", "CHECKSUM"), mirror, Map.of());

        assertNotEquals(0, sums.exitCode(), sums.output());
        assertTrue(sums.stdout().contains("signature-1: FAILED"), sums.output());
    }

    @Test
    void write_intoTamperedMirror_isRefusedAndWritesNothing() throws IOException {
        Files.writeString(mirror.resolve("rpm-manifest.json"), "[{\"name\":\"evil\"}]");

        SlipwayException refused = assertThrows(SlipwayException.class,
                () -> new MirrorSignatureWriter().write(mirror, signatures()));

        assertEquals(ErrorCode.MIRROR_CHECKSUM_MISMATCH, refused.code());
        assertTrue(refused.getMessage().contains("rpm-manifest.json changed"), refused.getMessage());
        assertFalse(Files.exists(mirror.resolve("signatures")));
        OutsideTool sums = OutsideTool.run(List.of("sha256sum", "-c", "CHECKSUM"), mirror, Map.of());
        assertNotEquals(0, sums.exitCode(), "the CHECKSUM must still expose the tampering");
    }

    private MirrorSignatures signatures() {
        Digest digest = image.manifestDigest();
        byte[] gpg = new GpgSimpleSigner(gpgKey, Clock.systemUTC())
                .sign(new SimpleSigningPayload(digest, IDENTITY, "slipway", Instant.now()));
        CosignSignature cosign = CosignSignature.sign(CosignPayload.of(IDENTITY, digest, Map.of()), cosignKey);
        return new MirrorSignatures(IDENTITY, digest, List.of(gpg), List.of(cosign));
    }
}
