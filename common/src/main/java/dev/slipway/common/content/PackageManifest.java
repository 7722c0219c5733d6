package dev.slipway.common.content;

import java.util.Comparator;
import java.util.List;

/**
 * The list of packages inside one image, with where they were read from. An image without a package database gets
 * an empty list, {@code database == null} and {@code source == "none"}, which says so explicitly rather than
 * pretending to be an empty database.
 *
 * @param database the path inside the image the list was read from (e.g. {@code /usr/lib/sysimage/rpm}), or null
 * @param source   what the list was read from: {@value #NONE}, {@code dpkg-status}, {@code rpmdb-sqlite},
 *                 {@code rpmdb-bdb}, {@code rpmdb-ndb}, or {@code rpmdb} when the database's format is not known
 *                 (a list taken from an SBOM)
 */
public record PackageManifest(PackageType type, String database, String source, List<InstalledPackage> packages) {
    /** The {@link #source()} of an image that has no package database. */
    public static final String NONE = "none";

    public PackageManifest {
        if (source == null) {
            source = defaultSource(type, database);
        }
        packages = packages.stream()
                .sorted(Comparator.comparing(InstalledPackage::name).thenComparing(InstalledPackage::nevra))
                .toList();
    }

    /** A manifest whose database format is not known; its source follows from the type. */
    public PackageManifest(PackageType type, String database, List<InstalledPackage> packages) {
        this(type, database, null, packages);
    }

    /** The manifest of an image that has no package database at all. */
    public static PackageManifest none() {
        return new PackageManifest(PackageType.RPM, null, NONE, List.of());
    }

    public boolean hasDatabase() {
        return database != null;
    }

    private static String defaultSource(PackageType type, String database) {
        if (database == null) {
            return NONE;
        }
        return type == PackageType.DEB ? "dpkg-status" : "rpmdb";
    }
}
