package dev.slipway.release.sbom;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical package URLs for installed packages and images: lower-case namespace, qualifiers sorted (packageurl-java
 * keeps them in a sorted map), epoch only when the package has one, percent-encoding as the spec requires.
 *
 * @see <a href="https://github.com/package-url/purl-spec/blob/main/PURL-SPECIFICATION.rst">purl specification</a>
 */
public final class PackageUrls {
    private PackageUrls() {
    }

    /**
     * {@code pkg:rpm/<namespace>/<name>@<version>-<release>?arch=..&distro=..&epoch=..} or the deb equivalent
     * ({@code pkg:deb/<namespace>/<name>@[epoch:]<version>[-<revision>]?arch=..&distro=..}: dpkg versions carry
     * their epoch inside the version string).
     */
    public static String forPackage(InstalledPackage pkg, Distro distro) {
        Map<String, String> qualifiers = new TreeMap<>();
        if (pkg.arch() != null && !pkg.arch().isBlank()) {
            qualifiers.put("arch", pkg.arch());
        }
        qualifiers.put("distro", distro.qualifier());
        boolean hasRelease = pkg.release() != null && !pkg.release().isEmpty();
        String version = pkg.version() + (hasRelease ? "-" + pkg.release() : "");
        if (pkg.type() == PackageType.RPM) {
            if (pkg.epoch() != null) {
                qualifiers.put("epoch", Integer.toString(pkg.epoch()));
            }
            return canonical("rpm", distro.namespace(), pkg.name(), version, qualifiers);
        }
        String debVersion = (pkg.epoch() != null ? pkg.epoch() + ":" : "") + version;
        return canonical("deb", distro.namespace(), pkg.name(), debVersion, qualifiers);
    }

    /**
     * {@code pkg:oci/<name>@sha256%3A<hex>?arch=..&repository_url=..[&tag=..]}: the OCI type has no namespace and
     * its version is the manifest digest.
     *
     * @param repository {@code registry/path}; its last segment is the purl name
     * @param tag a tag to record, or null
     */
    public static String forImage(String repository, Digest digest, String arch, String tag) {
        Map<String, String> qualifiers = new TreeMap<>();
        if (arch != null && !arch.isBlank()) {
            qualifiers.put("arch", arch);
        }
        qualifiers.put("repository_url", repository);
        if (tag != null) {
            qualifiers.put("tag", tag);
        }
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return canonical("oci", null, name, digest.toString(), qualifiers);
    }

    private static String canonical(String type, String namespace, String name, String version,
            Map<String, String> qualifiers) {
        try {
            return new PackageURL(type, namespace, name, version, new TreeMap<>(qualifiers), null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new SlipwayException(ErrorCode.SBOM_INPUT_INVALID, "Tried to build a " + type + " purl for "
                    + name + "@" + version + " but packageurl-java refused it: " + e.getMessage(), e);
        }
    }
}
