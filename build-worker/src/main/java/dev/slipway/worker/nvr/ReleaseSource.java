package dev.slipway.worker.nvr;

import dev.slipway.worker.config.RegistryConfig;
import java.util.List;

/**
 * Port answering "which release comes next for this name and version": the hub in daemon mode (Koji's
 * getNextRelease with an NVR reservation), the registries' existing tags when the worker runs standalone.
 */
public interface ReleaseSource {
    String nextRelease(Query query);

    /** What a release is asked for: the Koji component, the image repository and where it is pushed. */
    record Query(String component, String repository, String version, List<RegistryConfig> registries) {
        public Query {
            registries = List.copyOf(registries);
        }
    }
}
