package dev.slipway.release.signing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Signs a published image under its production identity in both formats at once: a GPG simple signature added to
 * the lookaside directory of the identity's registry, and a cosign signature added to the registry's
 * {@code sha256-<hex>.sig} tag. The entry point the promoter and the hub call.
 */
public final class ImageSigner {
    private final GpgSimpleSigner gpg;
    private final LookasideStore lookaside;
    private final EcSigningKey cosignKey;
    private final CosignRegistrySignatures cosign;
    private final String creator;

    /**
     * @param lookaside the lookaside directory served for the identity's registry
     * @param cosign the {@code .sig} store of a client for the identity's registry
     * @param creator the {@code optional.creator} text, e.g. {@code "slipway 0.1"}
     */
    public ImageSigner(GpgSigningKey gpgKey, LookasideStore lookaside, EcSigningKey cosignKey,
            CosignRegistrySignatures cosign, Clock clock, String creator) {
        this.gpg = new GpgSimpleSigner(gpgKey, clock);
        this.lookaside = Objects.requireNonNull(lookaside, "lookaside");
        this.cosignKey = Objects.requireNonNull(cosignKey, "cosignKey");
        this.cosign = Objects.requireNonNull(cosign, "cosign");
        this.creator = Objects.requireNonNull(creator, "creator");
    }

    /** Signs, stores both signatures and returns them (re-signing adds new signatures; none is replaced). */
    public SignedImage sign(SigningRequest request) {
        byte[] simple = gpg.sign(new SimpleSigningPayload(request.digest(), request.identity(), creator,
                request.publishedAt()));
        Path file = lookaside.add(request.identity(), request.digest(), simple);
        CosignSignature signature = CosignSignature.sign(
                CosignPayload.of(request.identity(), request.digest(), request.annotations()), cosignKey);
        return new SignedImage(request, simple, file, signature,
                cosign.add(request.identity(), request.digest(), signature));
    }
}
