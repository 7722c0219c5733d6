package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A manifest exactly as the registry stores it: its bytes (the digest is computed over these, so never
 * re-serialise them), its media type and its verified digest.
 */
public record Manifest(byte[] bytes, String mediaType, Digest digest) {
    public Manifest {
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(digest, "digest");
    }

    /** A copy of the exact bytes. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Manifest m && Arrays.equals(bytes, m.bytes) && mediaType.equals(m.mediaType)
                && digest.equals(m.digest);
    }

    @Override
    public int hashCode() {
        return digest.hashCode();
    }

    @Override
    public String toString() {
        return "Manifest[" + mediaType + ", " + digest + ", " + bytes.length + " bytes]";
    }
}
