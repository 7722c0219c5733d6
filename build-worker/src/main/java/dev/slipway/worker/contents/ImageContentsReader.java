package dev.slipway.worker.contents;

import dev.slipway.common.content.PackageManifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the package manifest of an image from a local directory that mirrors the image's package-database paths
 * (as extracted from a created, never-started container): the first rpm database found wins, then dpkg's status
 * file; an image with neither gets {@link PackageManifest#none()}.
 */
public final class ImageContentsReader {
    /** The rpm database directories in the order they are tried (Fedora/RHEL 9+, RHEL 8 and older, rpm-ostree). */
    public static final List<String> RPM_DATABASE_PATHS =
            List.of("/usr/lib/sysimage/rpm", "/var/lib/rpm", "/usr/share/rpm");
    public static final String DPKG_STATUS_PATH = "/var/lib/dpkg/status";
    /** Every image path the reader looks at: what a caller should copy out of the image. */
    public static final List<String> DATABASE_PATHS = List.of(
            RPM_DATABASE_PATHS.get(0), RPM_DATABASE_PATHS.get(1), RPM_DATABASE_PATHS.get(2), DPKG_STATUS_PATH);

    private final RpmDatabaseReader rpm;
    private final DpkgStatusReader dpkg;

    public ImageContentsReader() {
        this(new RpmDatabaseReader(), new DpkgStatusReader());
    }

    public ImageContentsReader(RpmDatabaseReader rpm, DpkgStatusReader dpkg) {
        this.rpm = rpm;
        this.dpkg = dpkg;
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
