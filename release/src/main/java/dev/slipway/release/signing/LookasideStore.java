package dev.slipway.release.signing;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A lookaside signature directory for one registry ({@link LookasideLayout}): signatures are added as the next free
 * {@code signature-N} and never overwritten, because readers stop at the first missing number.
 */
public final class LookasideStore {
    private static final int MAX_SIGNATURES = 999_999;
    private final Path root;

    public LookasideStore(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * Stores {@code signature} for the manifest {@code digest} of {@code image}'s repository and returns its file;
     * a byte-identical signature already stored is returned instead of being added twice.
     */
    public Path add(ImageReference image, Digest digest, byte[] signature) {
        Path dir = root.resolve(LookasideLayout.directory(image, digest));
        try {
            Files.createDirectories(dir);
            for (int n = 1; n <= MAX_SIGNATURES; n++) {
                Path target = root.resolve(LookasideLayout.signature(image, digest, n));
                if (Files.exists(target)) {
                    if (Arrays.equals(Files.readAllBytes(target), signature)) {
                        return target;
                    }
                    continue;
                }
                if (createExclusively(dir, target, signature)) {
                    return target;
                }
            }
            throw new SlipwayException(ErrorCode.SIGNATURE_STORAGE_FAILED, "Tried to add a signature in " + dir
                    + " but it already holds " + MAX_SIGNATURES);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNATURE_STORAGE_FAILED, "Tried to store a signature for "
                    + image.name() + "@" + digest + " in " + dir + " but " + e, e);
        }
    }

    /** Every stored signature for the manifest, in order {@code signature-1, 2, ...}. */
    public List<byte[]> read(ImageReference image, Digest digest) {
        List<byte[]> out = new ArrayList<>();
        try {
            for (int n = 1; n <= MAX_SIGNATURES; n++) {
                Path file = root.resolve(LookasideLayout.signature(image, digest, n));
                if (!Files.isRegularFile(file)) {
                    break;
                }
                out.add(Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNATURE_STORAGE_FAILED, "Tried to read the signatures of "
                    + image.name() + "@" + digest + " below " + root + " but " + e, e);
        }
        return List.copyOf(out);
    }

    /** Writes a temporary file and links it to {@code target}; the link fails, never replaces, when it exists. */
    private static boolean createExclusively(Path dir, Path target, byte[] signature) throws IOException {
        Path temp = Files.createTempFile(dir, ".signature-", ".tmp");
        try {
            Files.write(temp, signature);
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException raced) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
