package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the package manifest of an image, either straight from its layer tars ({@link #read(LayeredFiles, Path)}:
 * the database files are copied out of the layers that hold them last) or from a local directory that mirrors the
 * image's package-database paths: the first rpm database found wins, then dpkg's status file; an image with
 * neither gets {@link PackageManifest#none()}, whose source says {@code none}.
 */
public final class ImageContentsReader {
    /** The rpm database directories in the order they are tried (Fedora/RHEL 9+, RHEL 8 and older, rpm-ostree). */
    public static final List<String> RPM_DATABASE_PATHS =
            List.of("/usr/lib/sysimage/rpm", "/var/lib/rpm", "/usr/share/rpm");
    public static final String DPKG_STATUS_PATH = "/var/lib/dpkg/status";
    /** Every image path the reader looks at: what a caller should copy out of the image. */
    public static final List<String> DATABASE_PATHS = List.of(
            RPM_DATABASE_PATHS.get(0), RPM_DATABASE_PATHS.get(1), RPM_DATABASE_PATHS.get(2), DPKG_STATUS_PATH);

    /**
     * Whether {@link #read(LayeredFiles, Path)} may open a file of this name (the last element of its path,
     * wherever links put it): the rpm database files and dpkg's status. Layer copies may leave every other large
     * file out.
     */
    public static boolean mayReadFileNamed(String name) {
        return RpmDatabaseReader.DATABASE_FILES.contains(name)
                || name.equals(DPKG_STATUS_PATH.substring(DPKG_STATUS_PATH.lastIndexOf('/') + 1));
    }

    private final RpmDatabaseReader rpm;
    private final DpkgStatusReader dpkg;

    public ImageContentsReader() {
        this(new RpmDatabaseReader(), new DpkgStatusReader());
    }

    public ImageContentsReader(RpmDatabaseReader rpm, DpkgStatusReader dpkg) {
        this.rpm = rpm;
        this.dpkg = dpkg;
    }

    /** The most bytes one database file taken out of the layers may have (rpm's own databases stay far below). */
    static final long MAX_FILE_BYTES = 2L * 1024 * 1024 * 1024;

    /**
     * Reads the manifest straight from an image's layers: copies the first rpm database directory that holds a
     * database file (sqlite with its {@code -wal} and {@code -shm}, ndb or Berkeley DB; links such as
     * {@code /var/lib/rpm -> ../../usr/lib/sysimage/rpm} followed), or else dpkg's status file, into
     * {@code scratch} and reads it from there.
     */
    public PackageManifest read(LayeredFiles layers, Path scratch) {
        for (String imagePath : RPM_DATABASE_PATHS) {
            boolean holds = false;
            for (String file : List.of(SqliteRpmdb.FILE_NAME, NdbRpmdb.FILE_NAME, BerkeleyDbRpmdb.FILE_NAME)) {
                holds |= layers.isFile(imagePath + "/" + file);
            }
            if (holds) {
                Path local = createDirectories(local(scratch, imagePath));
                for (String file : RpmDatabaseReader.DATABASE_FILES) {
                    layers.copy(imagePath + "/" + file, local.resolve(file), MAX_FILE_BYTES);
                }
                return rpm.read(local, imagePath, true);
            }
        }
        Path status = local(scratch, DPKG_STATUS_PATH);
        createDirectories(status.getParent());
        if (layers.copy(DPKG_STATUS_PATH, status, MAX_FILE_BYTES).isPresent()) {
            return dpkg.read(status, DPKG_STATUS_PATH);
        }
        return PackageManifest.none();
    }

    private static Path createDirectories(Path directory) {
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.CONTENTS_UNREADABLE,
                    "Tried to create the scratch directory " + directory + " but " + e, e);
        }
    }

    /**
     * Reads the manifest from {@code root}, where an image path such as {@code /var/lib/rpm} is found at
     * {@code root/var/lib/rpm}. A directory without a database file is passed over, since images often keep an
     * empty {@code /var/lib/rpm} or a symlink that extraction does not follow.
     */
    public PackageManifest read(Path root) {
        for (String imagePath : RPM_DATABASE_PATHS) {
            Path local = local(root, imagePath);
            if (Files.isDirectory(local) && rpm.holdsDatabase(local)) {
                return rpm.read(local, imagePath);
            }
        }
        Path status = local(root, DPKG_STATUS_PATH);
        if (Files.isRegularFile(status)) {
            return dpkg.read(status, DPKG_STATUS_PATH);
        }
        return PackageManifest.none();
    }

    private static Path local(Path root, String imagePath) {
        return root.resolve(imagePath.substring(1));
    }
}
