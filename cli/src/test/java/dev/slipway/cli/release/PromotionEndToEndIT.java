package dev.slipway.cli.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.SlipwayCommand;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.Manifest;
import dev.slipway.registry.RegistryClient;
import dev.slipway.testing.registry.AccessLogEntry;
import dev.slipway.testing.registry.Skopeo;
import dev.slipway.testing.registry.TestImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 4 end to end: the sample image built by the real worker into staging is promoted with {@code slipway promote
 * --confirm} from a reviewed git manifest, then checked with tools Slipway did not write (skopeo, openssl,
 * sha256sum); images breaking the publishing rules are refused while planning and production sees no write.
 */
class PromotionEndToEndIT {
    private static final Set<String> WRITES = Set.of("PUT", "POST", "PATCH", "DELETE");
    private static PromotionWorld world;

    @BeforeAll
    static void buildAndStage() throws IOException {
        world = new PromotionWorld();
    }

    @AfterAll
    static void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void promote_signedRelease_isVerifiableWithSkopeoOpensslAndSha256sum() throws Exception {
        Path lookaside = world.newDir("lookaside");
        Path audit = world.newDir("audit").resolve("audit.jsonl");
        Path checkout = world.manifests("good", PromotionWorld.IMAGE, world.digest, "1.1");

        Run run = slipway("promote", "--manifests", checkout.toString(), "--confirm", "--audit", audit.toString(),
                "--require-signed-tags", "--tag-keyring", world.gnupg.toString(),
                "--lookaside", lookaside.toString(), "--sign-key", world.secretKey.toString(),
                "--cosign-key", world.ecKey.toString(), "--attestation-key", world.ecKey.toString(),
                "--mirror", world.mirror.toString());

        assertEquals(0, run.exit(), run.out() + run.err());
        String prod = world.production.hostPort();
        assertTrue(run.out().contains("SIGNED " + prod + "/" + PromotionWorld.IMAGE + "@" + world.digest), run.out());
        assertTrue(Files.readString(audit).contains("\"publishingRules\":\"passed (signed tag required)\""));
        // Same bytes in staging and production.
        assertEquals(world.digest.toString(), new Skopeo(world.staging).rawManifestSha256(PromotionWorld.IMAGE,
                world.digest.toString()));
        assertEquals(world.digest.toString(), new Skopeo(world.production).rawManifestSha256(PromotionWorld.IMAGE,
                "1.1"));

        Path signatures = lookaside.resolve(PromotionWorld.IMAGE + "@sha256=" + world.digest.hex());
        Path manifest = world.dir.resolve("promoted-manifest.json");
        Tool.bash("skopeo inspect --raw --tls-verify=false docker://$1 > $2", Map.of(),
                prod + "/" + PromotionWorld.IMAGE + ":1.1", manifest.toString()).ok();
        assertTrue(standaloneVerify(manifest, prod + "/" + PromotionWorld.IMAGE + ":1.1",
                signatures.resolve("signature-1")).contains("Signature verified"));
        assertTrue(standaloneVerify(manifest, prod + "/" + PromotionWorld.IMAGE,
                signatures.resolve("signature-2")).contains("Signature verified"));

        checkPolicyWithServedLookaside(lookaside, prod);
        checkCosignWithOpenssl(prod);
        checkPromotionStatement(signatures.resolve("promotion.intoto.jsonl"));
        checkMirror(Path.of(world.release.mirror()), manifest, prod);
    }

    @Test
    void promote_communityVendor_isRefusedWhilePlanningAndProductionSeesNoWrite() {
        Path checkout = world.manifests("community", PromotionWorld.IMAGE, world.communityDigest, "community-1");
        int mark = world.production.requests().size();

        Run run = slipway("promote", "--manifests", checkout.toString(), "--confirm", "--audit",
                world.newDir("audit").resolve("audit.jsonl").toString());

        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("[11916 PROMOTION_RULE_VENDOR_IS_COMMUNITY] " + world.staging.hostPort() + "/"
                + PromotionWorld.IMAGE + "@" + world.communityDigest), run.out());
        assertTrue(run.out().contains("Plan refused: nothing was written."), run.out());
        List<AccessLogEntry> writes = world.production.requestsSince(mark).stream()
                .filter(e -> WRITES.contains(e.method())).toList();
        assertEquals(List.of(), writes);
    }

    @Test
    void promote_imageWithoutSbom_isRefusedThroughBinSlipway() {
        Path checkout = world.manifests("nosbom", PromotionWorld.NO_SBOM_IMAGE, world.digest, "1.1");

        Tool run = Tool.run(List.of(binSlipway().toString(), "promote", "--manifests", checkout.toString()), null,
                Map.of());

        assertEquals(1, run.exit(), run.output());
        assertTrue(run.out().contains("[11904 PROMOTION_RULE_PACKAGE_MANIFEST_MISSING] " + world.staging.hostPort()
                + "/" + PromotionWorld.NO_SBOM_IMAGE + "@" + world.digest), run.output());
        assertTrue(run.out().contains("Plan refused"), run.output());
    }

    private static String standaloneVerify(Path manifest, String identity, Path signature) {
        return Tool.run(List.of("skopeo", "standalone-verify", manifest.toString(), identity, world.fingerprint,
                signature.toString()), null, world.gnupgEnv()).ok().out();
    }

    /**
     * skopeo copy with a signedBy policy, the lookaside served over HTTP by {@code bin/slipway serve-lookaside}
     * ({@code sigstore:} is the registries.d key skopeo 1.9 reads; newer ones also accept {@code lookaside:}).
     */
    private static void checkPolicyWithServedLookaside(Path lookaside, String prod) throws Exception {
        RegistryClient client = PromotionWorld.clients().forHost(prod);
        Manifest promoted = client.getManifest(PromotionWorld.IMAGE, "1.1");
        client.pushManifest(PromotionWorld.IMAGE, "wrong", promoted.bytes(), promoted.mediaType());
        TestImage unsigned = TestImage.create("unsigned.txt", "never promoted", TestImage.Format.OCI);
        client.pushImage("unsigned/hello", "1.1", unsigned.manifest(), unsigned.mediaType(),
                List.of(BlobSource.ofBytes(unsigned.config()), BlobSource.ofBytes(unsigned.layer())));
        Path policy = Files.writeString(world.dir.resolve("policy.json"), """
                {"default": [{"type": "reject"}],
                 "transports": {"docker": {"%s": [
                     {"type": "signedBy", "keyType": "GPGKeys", "keyPath": "%s"}]}}}
                """.formatted(prod, world.publicKey));
        Process server = new ProcessBuilder(binSlipway().toString(), "serve-lookaside", "--dir", lookaside.toString(),
                "--listen", "127.0.0.1:0").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String banner = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8)).readLine();
            assertTrue(banner != null && banner.contains("http://127.0.0.1:"), String.valueOf(banner));
            String url = banner.substring(banner.indexOf("http://"));
            Path registriesD = Files.createDirectories(world.dir.resolve("registries.d"));
            Files.writeString(registriesD.resolve("slipway.yaml"), "docker:\n  " + prod + ":\n    sigstore: " + url
                    + "\n");
            String repo = prod + "/" + PromotionWorld.IMAGE;

            Tool byTag = copy(policy, registriesD, repo + ":1.1");
            Tool byDigest = copy(policy, registriesD, repo + "@" + world.digest);
            Tool wrongTag = copy(policy, registriesD, repo + ":wrong");
            Tool notSigned = copy(policy, registriesD, prod + "/unsigned/hello:1.1");

            assertEquals(0, byTag.exit(), byTag.output());
            assertEquals(0, byDigest.exit(), byDigest.output());
            assertNotEquals(0, wrongTag.exit(), wrongTag.output());
            assertTrue(wrongTag.err().contains("is not accepted"), wrongTag.output());
            assertNotEquals(0, notSigned.exit(), notSigned.output());
            assertTrue(notSigned.err().contains("rejected"), notSigned.output());
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static Tool copy(Path policy, Path registriesD, String reference) {
        return Tool.run(List.of("skopeo", "--policy", policy.toString(), "--registries.d", registriesD.toString(),
                "copy", "--src-tls-verify=false", "docker://" + reference, "dir:" + world.newDir("pulled")), null,
                world.gnupgEnv());
    }

    /** The .sig manifest and its payload blob, fetched from production over HTTP, checked by openssl. */
    private static void checkCosignWithOpenssl(String prod) throws IOException {
        String tag = "sha256-" + world.digest.hex() + ".sig";
        JsonNode sig = new ObjectMapper().readTree(Tool.run(List.of("skopeo", "inspect", "--raw", "--tls-verify=false",
                "docker://" + prod + "/" + PromotionWorld.IMAGE + ":" + tag), null, Map.of()).ok().out());
        JsonNode layer = sig.path("layers").path(0);
        Path dir = world.newDir("cosign");
        Files.write(dir.resolve("signature.der"), Base64.getDecoder().decode(
                layer.path("annotations").path("dev.cosignproject.cosign/signature").asText()));
        Tool.run(List.of("curl", "-sSf", "-o", dir.resolve("payload.json").toString(), "http://" + prod + "/v2/"
                + PromotionWorld.IMAGE + "/blobs/" + layer.path("digest").asText()), null, Map.of()).ok();

        Tool verify = Tool.run(List.of("openssl", "dgst", "-sha256", "-verify", world.ecPublicKey.toString(),
                "-signature", "signature.der", "payload.json"), dir, Map.of());

        assertEquals("Verified OK", verify.out().strip(), verify.output());
        assertTrue(Files.readString(dir.resolve("payload.json")).contains(world.digest.toString()));
    }

    /** The DSSE envelope's signature over the PAE, checked by openssl; the statement names the digest. */
    private static void checkPromotionStatement(Path file) throws IOException {
        JsonNode envelope = new ObjectMapper().readTree(Files.readAllLines(file).get(0));
        byte[] payload = Base64.getDecoder().decode(envelope.path("payload").asText());
        String type = envelope.path("payloadType").asText();
        Path dir = world.newDir("dsse");
        byte[] header = ("DSSEv1 " + type.length() + " " + type + " " + payload.length + " ")
                .getBytes(StandardCharsets.UTF_8);
        byte[] pae = new byte[header.length + payload.length];
        System.arraycopy(header, 0, pae, 0, header.length);
        System.arraycopy(payload, 0, pae, header.length, payload.length);
        Files.write(dir.resolve("pae.bin"), pae);
        Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(
                envelope.path("signatures").path(0).path("sig").asText()));

        Tool verify = Tool.run(List.of("openssl", "dgst", "-sha256", "-verify", world.ecPublicKey.toString(),
                "-signature", "sig.der", "pae.bin"), dir, Map.of());

        assertEquals("Verified OK", verify.out().strip(), verify.output());
        assertTrue(new String(payload, StandardCharsets.UTF_8).contains(world.digest.hex()));
    }

    /** Signatures in the mirror verify with skopeo, CHECKSUM still passes, and a tampered signature fails it. */
    private static void checkMirror(Path build, Path manifest, String prod) throws IOException {
        Path signature = build.resolve("signatures/lookaside/" + PromotionWorld.IMAGE + "@sha256="
                + world.digest.hex() + "/signature-1");
        assertTrue(standaloneVerify(manifest, prod + "/" + PromotionWorld.IMAGE + ":1.1", signature)
                .contains("Signature verified"));
        try (var files = Files.list(build.resolve("attestations"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("promotion-")));
        }
        Tool intact = Tool.run(List.of("sha256sum", "-c", "CHECKSUM"), build, Map.of());
        assertEquals(0, intact.exit(), intact.output());
        assertTrue(intact.out().contains("signatures/lookaside/" + PromotionWorld.IMAGE), intact.out());

        Files.write(signature, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
        Tool tampered = Tool.run(List.of("sha256sum", "-c", "CHECKSUM"), build, Map.of());

        assertNotEquals(0, tampered.exit(), tampered.output());
        assertTrue(tampered.out().contains("signature-1: FAILED"), tampered.out());
    }

    private static Path binSlipway() {
        Path bin = Path.of("..", "bin", "slipway").toAbsolutePath().normalize();
        assertTrue(Files.isExecutable(bin), bin + " is missing");
        return bin;
    }

    /** What one in-process command run printed and returned. */
    record Run(int exit, String out, String err) {
    }

    private static Run slipway(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new SlipwayCommand());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

}
