package dev.slipway.common.api;

/** A file a build produced (image archive, log, SBOM...) and where the mirror keeps it, with its checksum. */
public record ArchiveInfo(String filename, String relpath, String type, String arch, Long size, String checksum,
        String checksumType) {
}
