package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Copies an image's signatures into its mirror build directory and rewrites the directory's {@code CHECKSUM} so
 * {@code sha256sum -c CHECKSUM} still passes. Layout below the mirror directory:
 * <ul>
 *   <li>{@code signatures/lookaside/<repository>@sha256=<hex>/signature-N}: the GPG simple signatures, so the
 *       {@code signatures/lookaside} directory can be served as a {@code registries.d} lookaside base;</li>
 *   <li>{@code signatures/cosign/sha256-<hex>.sig/payload-N.json} and {@code signature-N.sig}: each cosign payload
 *       and its base64 signature (as {@code cosign sign-blob --output-signature} writes it).</li>
 * </ul>
 * {@link #writeAttestations} adds {@code attestations/<name>.intoto.jsonl}. The existing CHECKSUM is verified first, so a tampered mirror is refused rather than re-blessed.
 */
public final class MirrorSignatureWriter {
    /** The directory below a mirror build directory that holds signatures. */
    public static final String SIGNATURES = "signatures";
    /** The directory below a mirror build directory that holds in-toto attestations. */
    public static final String ATTESTATIONS = "attestations";

    /** Adds the signatures (skipping ones already there) and returns the files written. */
    public List<Path> write(Path mirrorDirectory, MirrorSignatures signatures) {
        Path root = mirrorDirectory.toAbsolutePath().normalize();
        try {
            MirrorChecksum.verify(root);
            List<Path> written = new ArrayList<>();
            LookasideStore lookaside = new LookasideStore(root.resolve(SIGNATURES).resolve("lookaside"));
            for (byte[] signature : signatures.gpgSignatures()) {
                written.add(lookaside.add(signatures.image(), signatures.digest(), signature));
            }
            Path cosign = root.resolve(SIGNATURES).resolve("cosign")
                    .resolve(CosignRegistrySignatures.signatureTag(signatures.digest()));
            for (CosignSignature signature : signatures.cosignSignatures()) {
                written.addAll(writeCosign(cosign, signature));
            }
            MirrorChecksum.write(root);
            return List.copyOf(written);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNATURE_STORAGE_FAILED, "Tried to copy the signatures of "
                    + signatures.image() + "@" + signatures.digest() + " into the mirror " + root + " but " + e, e);
        }
    }

    /**
     * Writes DSSE envelopes (e.g. {@code AttestationSigner} output, each one line of JSON) as
     * {@code attestations/<name>.intoto.jsonl} in the mirror, replacing an earlier file of that name, and rewrites
     * the CHECKSUM after verifying it.
     */
    public Path writeAttestations(Path mirrorDirectory, String name, List<byte[]> envelopes) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw new IllegalArgumentException("attestation file name must be a plain file name: " + name);
        }
        Path root = mirrorDirectory.toAbsolutePath().normalize();
        Path file = root.resolve(ATTESTATIONS).resolve(name + ".intoto.jsonl");
        try {
            MirrorChecksum.verify(root);
            Files.createDirectories(file.getParent());
            ByteArrayOutputStream lines = new ByteArrayOutputStream();
            for (byte[] envelope : envelopes) {
                if (new String(envelope, StandardCharsets.UTF_8).contains("\n")) {
                    throw new IllegalArgumentException("an envelope in a .jsonl file must be one line");
                }
                lines.writeBytes(envelope);
                lines.write('\n');
            }
            Files.write(file, lines.toByteArray());
            MirrorChecksum.write(root);
            return file;
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNATURE_STORAGE_FAILED,
                    "Tried to write the attestations " + file + " into the mirror " + root + " but " + e, e);
        }
    }

    private static List<Path> writeCosign(Path dir, CosignSignature signature) throws IOException {
        Files.createDirectories(dir);
        byte[] base64 = signature.signatureBase64().getBytes(StandardCharsets.US_ASCII);
        for (int n = 1; ; n++) {
            Path payload = dir.resolve("payload-" + n + ".json");
            Path sig = dir.resolve("signature-" + n + ".sig");
            if (!Files.exists(payload)) {
                Files.write(sig, base64);
                Files.write(payload, signature.payload());
                return List.of(payload, sig);
            }
            if (Arrays.equals(Files.readAllBytes(payload), signature.payload()) && Files.exists(sig)
                    && Arrays.equals(Files.readAllBytes(sig), base64)) {
                return List.of(payload, sig);
            }
        }
    }
}
