package dev.slipway.worker.config;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;

/**
 * How release builds are published: the OpenStack rules' signed-tag requirement and where the trusted keys are,
 * and the distribution named in SBOM purls.
 *
 * @param requireSignedTags release builds must come from a commit a signed git tag points to
 * @param trustedKeyring a GnuPG home directory holding the keys tags may be signed with
 * @param distroId the os-release ID of the packages' distribution (purl namespace), e.g. {@code fedora}
 * @param distroVersion its VERSION_ID, e.g. {@code 40}
 * @param attestationKey a PEM ECDSA P-256 private key that signs build provenance; null: a key made per process
 *     (its public key is written beside each attestation)
 */
public record PublishingConfig(boolean requireSignedTags, String trustedKeyring, String distroId,
        String distroVersion, String attestationKey) {

    public PublishingConfig(boolean requireSignedTags, String trustedKeyring, String distroId, String distroVersion) {
        this(requireSignedTags, trustedKeyring, distroId, distroVersion, null);
    }

    public PublishingConfig {
        if (requireSignedTags && (trustedKeyring == null || trustedKeyring.isBlank())) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "publishing.require_signed_tags needs publishing.trusted_keyring (a GnuPG home directory)");
        }
        if (distroId == null || distroId.isBlank()) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "publishing.distro_id must name the packages' distribution, e.g. fedora");
        }
    }

    public static PublishingConfig defaults() {
        return new PublishingConfig(false, null, "fedora", null);
    }
}
