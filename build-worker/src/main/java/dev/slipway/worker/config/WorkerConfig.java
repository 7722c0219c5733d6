package dev.slipway.worker.config;

import java.util.List;

/**
 * The worker's whole configuration, read once and passed down through constructors.
 *
 * @param allowedScms {@code scheme://host[/path]} prefixes builds may come from (Koji's allowed_scms)
 * @param daemon what {@code slipway-worker run} registers with the hub and where it mirrors release builds
 * @param registryClient timeouts and retries of every registry call
 */
public record WorkerConfig(
        List<String> allowedScms,
        SiteConfig site,
        List<RegistryConfig> registries,
        EngineConfig engine,
        String workDirectory,
        PublishingConfig publishing,
        DaemonConfig daemon,
        RegistryClientSettings registryClient) {

    public WorkerConfig {
        allowedScms = List.copyOf(allowedScms);
        registries = List.copyOf(registries);
        daemon = daemon == null ? DaemonConfig.defaults() : daemon;
        registryClient = registryClient == null ? RegistryClientSettings.defaults() : registryClient;
    }

    /** A configuration with the default registry timeouts and retries. */
    public WorkerConfig(List<String> allowedScms, SiteConfig site, List<RegistryConfig> registries,
            EngineConfig engine, String workDirectory, PublishingConfig publishing, DaemonConfig daemon) {
        this(allowedScms, site, registries, engine, workDirectory, publishing, daemon, null);
    }

    /** A configuration with the default daemon settings. */
    public WorkerConfig(List<String> allowedScms, SiteConfig site, List<RegistryConfig> registries,
            EngineConfig engine, String workDirectory, PublishingConfig publishing) {
        this(allowedScms, site, registries, engine, workDirectory, publishing, DaemonConfig.defaults());
    }

    /** A configuration with the default publishing rules. */
    public WorkerConfig(List<String> allowedScms, SiteConfig site, List<RegistryConfig> registries,
            EngineConfig engine, String workDirectory) {
        this(allowedScms, site, registries, engine, workDirectory, PublishingConfig.defaults());
    }

    public static WorkerConfig defaults() {
        return new WorkerConfig(List.of(), SiteConfig.defaults(), List.of(), EngineConfig.defaults(),
                System.getProperty("java.io.tmpdir"));
    }

    public WorkerConfig withRegistries(List<RegistryConfig> more) {
        return new WorkerConfig(allowedScms, site, more, engine, workDirectory, publishing, daemon, registryClient);
    }

    public WorkerConfig withRegistryClient(RegistryClientSettings settings) {
        return new WorkerConfig(allowedScms, site, registries, engine, workDirectory, publishing, daemon, settings);
    }
}
