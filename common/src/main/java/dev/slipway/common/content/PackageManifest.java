package dev.slipway.common.content;

import java.util.Comparator;
import java.util.List;

/**
 * The list of packages inside one image, with where they were read from. An image without a package database gets
 * an empty list and {@code database == null}, which says so explicitly rather than pretending to be empty.
 *
 * @param database the path inside the image the list was read from (e.g. {@code /usr/lib/sysimage/rpm}), or null
 */
public record PackageManifest(PackageType type, String database, List<InstalledPackage> packages) {
    public PackageManifest {
        packages = packages.stream()
                .sorted(Comparator.comparing(InstalledPackage::name).thenComparing(InstalledPackage::nevra))
                .toList();
    }

    /** The manifest of an image that has no package database at all. */
    public static PackageManifest none() {
        return new PackageManifest(PackageType.RPM, null, List.of());
    }

    public boolean hasDatabase() {
        return database != null;
    }
}
