package dev.slipway.release.signing;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.util.List;
import java.util.Objects;

/**
 * The signatures of one image to copy into its mirror directory.
 *
 * @param image the signed identity (its repository names the lookaside directory)
 * @param digest the manifest digest the signatures are for
 * @param gpgSignatures simple-signing blobs ({@link GpgSimpleSigner} output or lookaside {@code signature-N} files)
 * @param cosignSignatures cosign payloads and signatures
 */
public record MirrorSignatures(ImageReference image, Digest digest, List<byte[]> gpgSignatures,
        List<CosignSignature> cosignSignatures) {
    public MirrorSignatures {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(digest, "digest");
        gpgSignatures = gpgSignatures.stream().map(byte[]::clone).toList();
        cosignSignatures = List.copyOf(cosignSignatures);
    }
}
