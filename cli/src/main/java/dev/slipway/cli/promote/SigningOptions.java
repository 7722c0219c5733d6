package dev.slipway.cli.promote;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.release.provenance.AttestationSigner;
import dev.slipway.release.publish.SigningSetup;
import dev.slipway.release.signing.EcSigningKey;
import dev.slipway.release.signing.GpgSigningKey;
import dev.slipway.release.signing.LookasideStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The signing options of {@code slipway promote}; the keys are loaded (and unlocked) before anything is planned. */
final class SigningOptions {
    @Option(names = "--lookaside", paramLabel = "DIR",
            description = "Lookaside directory the GPG simple signatures are added to (<repo>@sha256=<hex>/signature-N)")
    Path lookaside;

    @Option(names = "--sign-key", paramLabel = "FILE",
            description = "GPG secret key (armored or binary) that signs each promoted tag and digest")
    Path signKey;

    @Option(names = "--sign-passphrase-file", paramLabel = "FILE",
            description = "File holding the --sign-key passphrase (first line); none: the key is not protected")
    Path passphraseFile;

    @Option(names = "--sign-fingerprint", paramLabel = "FPR",
            description = "Fingerprint of the key in --sign-key to sign with (default: its first signing key)")
    String fingerprint;

    @Option(names = "--cosign-key", paramLabel = "PEM",
            description = "ECDSA P-256 private key: a cosign-format signature is pushed as sha256-<hex>.sig")
    Path cosignKey;

    @Option(names = "--attestation-key", paramLabel = "PEM",
            description = "ECDSA P-256 private key that DSSE-signs a promotion statement per promoted digest "
                    + "(kept in the lookaside tree, or beside the audit file without --lookaside)")
    Path attestationKey;

    @Option(names = "--mirror", paramLabel = "ROOT",
            description = "Mirror root: signatures and statements are also copied into the digest's build directory")
    Path mirror;

    /** The setup, or an error naming the option that is wrong. */
    SigningSetup setup(Path auditFile) {
        if ((signKey == null) != (lookaside == null)) {
            throw new IllegalArgumentException("--sign-key and --lookaside go together");
        }
        if (signKey == null && (passphraseFile != null || fingerprint != null)) {
            throw new IllegalArgumentException("--sign-passphrase-file and --sign-fingerprint need --sign-key");
        }
        Optional<GpgSigningKey> gpg = Optional.ofNullable(signKey)
                .map(file -> GpgSigningKey.read(file, passphrase(), fingerprint));
        Optional<LookasideStore> store = Optional.ofNullable(lookaside).map(LookasideStore::new);
        Path statements = lookaside != null ? lookaside : auditFile.toAbsolutePath().getParent()
                .resolve("promotion-attestations");
        SigningSetup setup = new SigningSetup(gpg, store, Optional.ofNullable(cosignKey).map(SigningOptions::ecKey),
                Optional.ofNullable(attestationKey).map(SigningOptions::ecKey).map(AttestationSigner::new),
                statements, Optional.ofNullable(mirror), "slipway 0.1.0 promote",
                URI.create("https://slipway.dev/promoter/v1"));
        if (mirror != null && !setup.signsAnything()) {
            throw new IllegalArgumentException("--mirror copies signatures: give --sign-key, --cosign-key or "
                    + "--attestation-key too");
        }
        return setup;
    }

    private char[] passphrase() {
        if (passphraseFile == null) {
            return new char[0];
        }
        try {
            String text = Files.readString(passphraseFile, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").toCharArray();
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read the passphrase file " + passphraseFile + " but could not: " + e.getMessage(), e);
        }
    }

    private static EcSigningKey ecKey(Path file) {
        try {
            return EcSigningKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNING_KEY_INVALID,
                    "Tried to read the EC private key " + file + " but could not: " + e.getMessage(), e);
        }
    }
}
