package dev.slipway.release.sbom;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Who writes the SBOMs: the tool name and version recorded as creator, and the base URI SPDX document namespaces
 * are made under. Namespace and CycloneDX serial number are derived from the image digest, so they are stable.
 *
 * @param namespaceBase e.g. {@code https://slipway.example.org/spdx}; the digest and repository are appended
 */
public record SbomTool(String name, String version, URI namespaceBase) {
    public SbomTool {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(namespaceBase, "namespaceBase");
        if (!namespaceBase.isAbsolute() || namespaceBase.getRawQuery() != null || namespaceBase.getRawFragment() != null) {
            throw new SlipwayException(ErrorCode.SBOM_INPUT_INVALID, "Tried to use " + namespaceBase
                    + " as the SPDX namespace base but it must be an absolute URI without query or fragment");
        }
    }

    /** {@code name-version}, as SPDX {@code Tool:} creators are written. */
    public String id() {
        return name + "-" + version;
    }

    /** {@code <base>/<registry/path>/sha256-<hex>}: unique per image, the same on every run. */
    String documentNamespace(SbomInput input) {
        String base = namespaceBase.toString().replaceAll("/+$", "");
        return base + "/" + input.imageRepository() + "/" + input.imageDigest().algorithm() + "-"
                + input.imageDigest().hex();
    }

    /** A name-based (version 3) UUID of the image digest, so a rebuilt SBOM keeps its serial number. */
    String serialNumber(SbomInput input) {
        UUID uuid = UUID.nameUUIDFromBytes(("slipway-cyclonedx:" + input.imageRepository() + "@"
                + input.imageDigest()).getBytes(StandardCharsets.UTF_8));
        return "urn:uuid:" + uuid;
    }
}
