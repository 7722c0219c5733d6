package dev.slipway.registry;

import java.util.List;

/**
 * The manifest and blob media types Slipway reads and writes, and the {@code Accept} list every manifest request
 * sends: registry 2.8 answers 404 for OCI manifests unless {@code Accept} names them, and rewrites Docker v2s2 to
 * schema1 for clients that do not list v2s2.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">OCI media types</a>
 */
public final class MediaTypes {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
    public static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    public static final String DOCKER_MANIFEST_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    public static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    public static final String DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /** Every manifest type we understand, most preferred first. */
    public static final List<String> MANIFESTS =
            List.of(OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST);

    /** The {@code Accept} header value for manifest requests. */
    public static final String MANIFEST_ACCEPT = String.join(", ", MANIFESTS);

    private MediaTypes() {
    }

    /** True for an index or manifest list (an image for several platforms). */
    public static boolean isIndex(String mediaType) {
        return OCI_INDEX.equals(mediaType) || DOCKER_MANIFEST_LIST.equals(mediaType);
    }
}
