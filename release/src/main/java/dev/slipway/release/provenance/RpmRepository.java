package dev.slipway.release.provenance;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.net.URI;
import java.util.Objects;

/**
 * An RPM repository a build installed packages from, recorded as a resolved dependency.
 *
 * @param id the repository id (as in the {@code .repo} file)
 * @param baseUrl where it was read from
 * @param repomdDigest the sha256 of its {@code repodata/repomd.xml} at build time, or null when unknown
 */
public record RpmRepository(String id, URI baseUrl, Digest repomdDigest) {
    public RpmRepository {
        if (id == null || id.isBlank()) {
            throw new SlipwayException(ErrorCode.PROVENANCE_INVALID, "Tried to record an RPM repository without an id");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
    }
}
