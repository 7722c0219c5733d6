package dev.slipway.release.signing;

import dev.slipway.common.image.Digest;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The result of signing one image: the GPG simple signature and where the lookaside holds it, the cosign signature
 * and the digest of the {@code .sig} manifest that now carries it.
 */
public record SignedImage(SigningRequest request, byte[] gpgSignature, Path lookasideFile,
        CosignSignature cosignSignature, Digest cosignManifestDigest) {
    public SignedImage {
        Objects.requireNonNull(request, "request");
        gpgSignature = gpgSignature.clone();
        Objects.requireNonNull(lookasideFile, "lookasideFile");
        Objects.requireNonNull(cosignSignature, "cosignSignature");
        Objects.requireNonNull(cosignManifestDigest, "cosignManifestDigest");
    }

    @Override
    public byte[] gpgSignature() {
        return gpgSignature.clone();
    }

    /** The same signatures in the form {@link MirrorSignatureWriter} copies into a mirror directory. */
    public MirrorSignatures forMirror() {
        return new MirrorSignatures(request.identity(), request.digest(), List.of(gpgSignature),
                List.of(cosignSignature));
    }
}
