package dev.slipway.release.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;

/**
 * Writes the SBOMs of one build, SPDX 2.3 and CycloneDX 1.5 JSON, from an {@link SbomInput}. Output is
 * deterministic: packages come sorted from the manifest, ids and serial numbers derive from names and the image
 * digest, and the only timestamp is {@link SbomInput#created()}.
 */
public final class SbomGenerator {
    private final SpdxWriter spdx;
    private final CycloneDxWriter cycloneDx;
    private final LicenseExpressions licenses;

    /** A generator; {@code json} only builds and prints JSON trees, so its naming strategy does not matter. */
    public SbomGenerator(SbomTool tool, ObjectMapper json) {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(json, "json");
        this.spdx = new SpdxWriter(json, tool);
        this.cycloneDx = new CycloneDxWriter(tool);
        this.licenses = new LicenseExpressions(LicenseList.load(json));
    }

    /** Both documents, SPDX first. */
    public List<Sbom> generate(SbomInput input) {
        SbomContent content = SbomContent.of(input, licenses);
        return List.of(new Sbom(SbomFormat.SPDX_JSON, spdx.write(content)),
                new Sbom(SbomFormat.CYCLONEDX_JSON, cycloneDx.write(content)));
    }

    /** The SPDX 2.3 JSON document alone. */
    public Sbom spdx(SbomInput input) {
        return new Sbom(SbomFormat.SPDX_JSON, spdx.write(SbomContent.of(input, licenses)));
    }

    /** The CycloneDX 1.5 JSON document alone. */
    public Sbom cycloneDx(SbomInput input) {
        return new Sbom(SbomFormat.CYCLONEDX_JSON, cycloneDx.write(SbomContent.of(input, licenses)));
    }
}
