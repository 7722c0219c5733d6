package dev.slipway.release.sbom;

import dev.slipway.common.content.InstalledPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What both SBOM writers say about one build, worked out once so SPDX and CycloneDX agree: the image purl and one
 * entry per package (sorted by the manifest; {@code gpg-pubkey} pseudo-packages dropped, as OSBS does).
 */
record SbomContent(SbomInput input, String imagePurl, List<Entry> packages) {

    /** One package with its purl, displayed version and license decision. */
    record Entry(InstalledPackage pkg, String purl, String displayVersion, Optional<String> spdxExpression) {
        /** The License tag text, or null when the package has none. */
        String licenseText() {
            return pkg.license() == null || pkg.license().isBlank() ? null : pkg.license().strip();
        }
    }

    SbomContent {
        packages = List.copyOf(packages);
    }

    static SbomContent of(SbomInput input, LicenseExpressions licenses) {
        List<Entry> entries = new ArrayList<>();
        for (InstalledPackage pkg : input.packages().packages()) {
            if (pkg.name().equals("gpg-pubkey")) {
                continue; // imported signing keys, not software
            }
            String version = (pkg.epoch() != null ? pkg.epoch() + ":" : "") + pkg.version()
                    + (pkg.release() != null && !pkg.release().isEmpty() ? "-" + pkg.release() : "");
            entries.add(new Entry(pkg, PackageUrls.forPackage(pkg, input.distro()), version,
                    licenses.normalise(pkg.license())));
        }
        String imagePurl = PackageUrls.forImage(input.imageRepository(), input.imageDigest(), input.arch(),
                input.versionRelease());
        return new SbomContent(input, imagePurl, entries);
    }
}
