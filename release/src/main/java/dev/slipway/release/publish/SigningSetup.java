package dev.slipway.release.publish;

import dev.slipway.release.provenance.AttestationSigner;
import dev.slipway.release.signing.EcSigningKey;
import dev.slipway.release.signing.GpgSigningKey;
import dev.slipway.release.signing.LookasideStore;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PromotionSigner} does after each promoted edge; every part is optional.
 *
 * @param gpgKey GPG simple signing of each destination tag and of the repository (digest pulls), into
 *     {@code lookaside}; both or neither
 * @param cosignKey a cosign-format signature pushed as {@code sha256-<hex>.sig} in the destination repository
 * @param attestations the DSSE signer of promotion statements, written below {@code attestationDir} as
 *     {@code <repository>@sha256=<hex>/promotion.intoto.jsonl}
 * @param mirrorRoot the mirror whose build directory of the digest gets copies of all of them
 * @param creator the simple signatures' {@code optional.creator}
 * @param promoterId the promotion statement's promoter URI
 */
public record SigningSetup(Optional<GpgSigningKey> gpgKey, Optional<LookasideStore> lookaside,
        Optional<EcSigningKey> cosignKey, Optional<AttestationSigner> attestations, Path attestationDir,
        Optional<Path> mirrorRoot, String creator, URI promoterId) {
    public SigningSetup {
        Objects.requireNonNull(gpgKey, "gpgKey");
        Objects.requireNonNull(lookaside, "lookaside");
        Objects.requireNonNull(cosignKey, "cosignKey");
        Objects.requireNonNull(attestations, "attestations");
        Objects.requireNonNull(attestationDir, "attestationDir");
        Objects.requireNonNull(mirrorRoot, "mirrorRoot");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(promoterId, "promoterId");
        if (gpgKey.isPresent() != lookaside.isPresent()) {
            throw new IllegalArgumentException("a GPG signing key and a lookaside directory go together");
        }
    }

    /** True when anything is to be signed or copied. */
    public boolean signsAnything() {
        return gpgKey.isPresent() || cosignKey.isPresent() || attestations.isPresent();
    }
}
