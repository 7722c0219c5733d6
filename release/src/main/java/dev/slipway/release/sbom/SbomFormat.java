package dev.slipway.release.sbom;

/** The two SBOM formats Slipway writes, with the media type used as the referrer's {@code artifactType}. */
public enum SbomFormat {
    SPDX_JSON("application/spdx+json", "sbom.spdx.json"),
    CYCLONEDX_JSON("application/vnd.cyclonedx+json", "sbom.cdx.json");

    private final String mediaType;
    private final String fileName;

    SbomFormat(String mediaType, String fileName) {
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    /** The IANA media type, also the OCI {@code artifactType} of the referrer. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name used in mirror directories and as the layer's title annotation. */
    public String fileName() {
        return fileName;
    }
}
