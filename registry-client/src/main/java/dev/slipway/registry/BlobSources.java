package dev.slipway.registry;

import dev.slipway.common.image.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Objects;

/** The in-memory and file implementations behind {@link BlobSource}'s factories. */
final class BlobSources {
    private BlobSources() {
    }

    static BlobSource ofBytes(byte[] bytes) {
        return new BytesBlob(bytes.clone(), Digest.sha256(bytes));
    }

    static BlobSource ofFile(Path file) throws IOException {
        MessageDigest sha = Digest.newSha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        return new FileBlob(file, Digest.ofSha256(sha), size);
    }

    /** A blob held in memory. */
    record BytesBlob(byte[] bytes, Digest digest) implements BlobSource {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String toString() {
            return "BytesBlob[" + digest + ", " + bytes.length + " bytes]";
        }
    }

    /** A blob in a file. */
    record FileBlob(Path file, Digest digest, long size) implements BlobSource {
        FileBlob {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(digest, "digest");
            if (size < 0) {
                throw new IllegalArgumentException("negative size " + size);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }
    }
}
