package dev.slipway.worker.contents;

import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an rpm database directory copied out of an image into a {@link PackageManifest}: the sqlite form
 * ({@code rpmdb.sqlite}, with its WAL) and the Berkeley DB form ({@code Packages}); SUSE's ndb form
 * ({@code Packages.db}) is recognised and refused, since nothing here can write one to test a reader against.
 */
public final class RpmDatabaseReader {
    static final String NDB_FILE_NAME = "Packages.db";

    /** Whether the directory holds a database file this reader recognises (supported or not). */
    public boolean holdsDatabase(Path directory) {
        return Files.isRegularFile(directory.resolve(SqliteRpmdb.FILE_NAME))
                || Files.isRegularFile(directory.resolve(NDB_FILE_NAME))
                || Files.isRegularFile(directory.resolve(BerkeleyDbRpmdb.FILE_NAME));
    }

    /**
     * Reads every installed package except rpm's {@code gpg-pubkey} pseudo-packages.
     *
     * @param directory the local copy of the database directory
     * @param imagePath where the directory lives inside the image, recorded as the manifest's database
     */
    public PackageManifest read(Path directory, String imagePath) {
        List<byte[]> blobs = blobs(directory, imagePath);
        List<InstalledPackage> packages = new ArrayList<>(blobs.size());
        for (int i = 0; i < blobs.size(); i++) {
            try {
                RpmHeader header = RpmHeader.parse(blobs.get(i));
                if (!InstalledRpms.isPublicKey(header)) {
                    packages.add(InstalledRpms.toPackage(header));
                }
            } catch (SlipwayException e) {
                throw new SlipwayException(e.code(), "Record " + (i + 1) + " of " + blobs.size()
                        + " in the rpm database at " + imagePath + ": " + e.getMessage(), e);
            }
        }
        return new PackageManifest(PackageType.RPM, imagePath, packages);
    }

    private List<byte[]> blobs(Path directory, String imagePath) {
        // rpm itself prefers sqlite when a converted image still carries the old Packages file beside it.
        if (Files.isRegularFile(directory.resolve(SqliteRpmdb.FILE_NAME))) {
            return SqliteRpmdb.readBlobs(directory);
        }
        if (Files.isRegularFile(directory.resolve(NDB_FILE_NAME))) {
            throw new SlipwayException(ErrorCode.RPMDB_FORMAT_UNSUPPORTED, "Tried to read the rpm database at "
                    + imagePath + " but it is in the ndb format (Packages.db), which Slipway does not read yet");
        }
        if (Files.isRegularFile(directory.resolve(BerkeleyDbRpmdb.FILE_NAME))) {
            return BerkeleyDbRpmdb.readBlobs(directory.resolve(BerkeleyDbRpmdb.FILE_NAME));
        }
        throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE, "Tried to read the rpm database at " + imagePath
                + " but " + directory + " holds none of rpmdb.sqlite, Packages.db or Packages");
    }
}
