package dev.slipway.release.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.content.PackageType;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the RPM manifest back out of a CycloneDX SBOM: every component whose purl is {@code pkg:rpm/...} becomes
 * an installed package (name, epoch, version-release, arch from the purl; licence from the component).
 */
final class CycloneDxPackages {
    private CycloneDxPackages() {
    }

    /** The packages of the SBOM; {@code where} names it in messages. */
    static PackageManifest read(ObjectMapper json, byte[] sbom, String where) {
        JsonNode root;
        try {
            root = json.readTree(sbom);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                    "Tried to read the CycloneDX SBOM " + where + " but it is not JSON: " + e.getMessage(), e);
        }
        if (!"CycloneDX".equals(root.path("bomFormat").asText())) {
            throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                    "Tried to read the CycloneDX SBOM " + where + " but its bomFormat is '"
                            + root.path("bomFormat").asText() + "'");
        }
        List<InstalledPackage> packages = new ArrayList<>();
        for (JsonNode component : root.path("components")) {
            String purl = component.path("purl").asText("");
            if (purl.startsWith("pkg:rpm/")) {
                packages.add(rpm(purl, component, where));
            }
        }
        return new PackageManifest(PackageType.RPM, "sbom:" + where, packages);
    }

    private static InstalledPackage rpm(String text, JsonNode component, String where) {
        try {
            PackageURL purl = new PackageURL(text);
            Map<String, String> q = purl.getQualifiers() == null ? Map.of() : purl.getQualifiers();
            String evr = purl.getVersion() == null ? "" : purl.getVersion();
            int dash = evr.lastIndexOf('-');
            String version = dash < 0 ? evr : evr.substring(0, dash);
            String release = dash < 0 ? null : evr.substring(dash + 1);
            Integer epoch = q.containsKey("epoch") ? Integer.valueOf(q.get("epoch")) : null;
            String license = component.path("licenses").path(0).path("license").path("id").asText(
                    component.path("licenses").path(0).path("expression").asText(null));
            return new InstalledPackage(PackageType.RPM, purl.getName(), epoch, version, release, q.get("arch"), 0,
                    null, null, license, purl.getNamespace(), null, null, null);
        } catch (MalformedPackageURLException | NumberFormatException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_FACTS_UNREADABLE,
                    "Tried to read the package URL '" + text + "' in " + where + " but it is malformed", e);
        }
    }
}
