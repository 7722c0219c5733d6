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
 * Reads an rpm database directory taken out of an image into a {@link PackageManifest}, in every format rpm writes:
 * sqlite ({@code rpmdb.sqlite} with its WAL; rpm 4.16+, Fedora 33+, RHEL 9+), Berkeley DB ({@code Packages}; RHEL 8
 * and older) and ndb ({@code Packages.db}; SUSE SLE 15, openSUSE). A damaged database fails with
 * {@link ErrorCode#CONTENTS_UNREADABLE} or {@link ErrorCode#RPM_HEADER_INVALID}; it never yields a partial list.
 */
public final class RpmDatabaseReader {
    /** The files the formats consist of, as a caller should take them out of the image. */
    public static final List<String> DATABASE_FILES = List.of(SqliteRpmdb.FILE_NAME,
            SqliteRpmdb.FILE_NAME + "-wal", SqliteRpmdb.FILE_NAME + "-shm", NdbRpmdb.FILE_NAME,
            BerkeleyDbRpmdb.FILE_NAME);

    /** Whether the directory holds a database file this reader recognises (supported or not). */
    public boolean holdsDatabase(Path directory) {
        return Files.isRegularFile(directory.resolve(SqliteRpmdb.FILE_NAME))
                || Files.isRegularFile(directory.resolve(NdbRpmdb.FILE_NAME))
                || Files.isRegularFile(directory.resolve(BerkeleyDbRpmdb.FILE_NAME));
    }

    /**
     * Reads every installed package except rpm's {@code gpg-pubkey} pseudo-packages.
     *
     * @param directory the local copy of the database directory
     * @param imagePath where the directory lives inside the image, recorded as the manifest's database
     */
    public PackageManifest read(Path directory, String imagePath) {
        return read(directory, imagePath, false);
    }

    /**
     * As {@link #read(Path, String)}; {@code privateCopy} says the directory is the caller's own scratch copy,
     * which SQLite may then use in place (replaying the WAL writes beside it) instead of copying it first.
     */
    PackageManifest read(Path directory, String imagePath, boolean privateCopy) {
        String format = format(directory, imagePath);
        List<byte[]> blobs = switch (format) {
            case "rpmdb-sqlite" -> privateCopy
                    ? SqliteRpmdb.readPrivateCopy(directory) : SqliteRpmdb.readBlobs(directory);
            case "rpmdb-ndb" -> NdbRpmdb.readBlobs(directory.resolve(NdbRpmdb.FILE_NAME));
            default -> BerkeleyDbRpmdb.readBlobs(directory.resolve(BerkeleyDbRpmdb.FILE_NAME));
        };
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
        return new PackageManifest(PackageType.RPM, imagePath, format, packages);
    }

    /** The manifest source of the database in {@code directory}. */
    private static String format(Path directory, String imagePath) {
        // rpm itself prefers sqlite, then ndb, when a converted image still carries the old Packages file beside it.
        if (Files.isRegularFile(directory.resolve(SqliteRpmdb.FILE_NAME))) {
            return "rpmdb-sqlite";
        }
        if (Files.isRegularFile(directory.resolve(NdbRpmdb.FILE_NAME))) {
            return "rpmdb-ndb";
        }
        if (Files.isRegularFile(directory.resolve(BerkeleyDbRpmdb.FILE_NAME))) {
            return "rpmdb-bdb";
        }
        throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE, "Tried to read the rpm database at " + imagePath
                + " but " + directory + " holds none of rpmdb.sqlite, Packages.db or Packages");
    }
}
