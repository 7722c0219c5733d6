package dev.slipway.release.promotion;

import dev.slipway.common.image.Digest;
import dev.slipway.registry.ManifestInfo;
import java.util.Map;
import java.util.Optional;

/** What the planner asks registries: cheap HEADs, and (only for new digests) which indexes list which children. */
public interface RegistryInventory {

    /** The manifest a tag or digest points to in {@code host/repository}, or empty when there is none. */
    Optional<ManifestInfo> head(String host, String repository, String reference);

    /** Child manifest digest to the digest of a tagged index listing it, over the repository's tags. */
    Map<Digest, Digest> indexChildren(String host, String repository);
}
