package dev.slipway.worker.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.ImagePushResult;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.Credentials;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.auth.DockerConfigCredentials;
import dev.slipway.release.sbom.ReferrerAttacher;
import dev.slipway.release.sbom.Sbom;
import dev.slipway.worker.config.RegistryClientSettings;
import dev.slipway.worker.config.RegistryConfig;
import dev.slipway.worker.image.Descriptor;
import dev.slipway.worker.image.OciImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ImageRegistries} over Slipway's own distribution client: pushes the OCI layout's exact bytes (so the
 * registry digest is the layout's), skipping every blob the registry already has.
 */
public final class ClientImageRegistries implements ImageRegistries {
    private final RegistryClientFactory factory;
    private final Map<String, RegistryClient> clients = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public ClientImageRegistries(List<RegistryConfig> registries, ObjectMapper json) {
        this(registries, RegistryClientSettings.defaults(), json);
    }

    /** Registries reached with these timeouts and retries. */
    public ClientImageRegistries(List<RegistryConfig> registries, RegistryClientSettings settings, ObjectMapper json) {
        Set<String> insecure = new HashSet<>();
        Map<String, Credentials> configured = new HashMap<>();
        CredentialsSource fromFiles = CredentialsSource.none();
        for (RegistryConfig r : registries) {
            if ("http".equals(r.uri().getScheme())) {
                insecure.add(r.hostAndPort());
            }
            if (r.username() != null) {
                configured.put(r.hostAndPort(), new Credentials(r.username(), r.password()));
            }
            if (r.dockerConfig() != null) {
                fromFiles = fromFiles.orElse(DockerConfigCredentials.load(Path.of(r.dockerConfig()), json));
            }
        }
        CredentialsSource credentials = CredentialsSource.of(configured).orElse(fromFiles);
        if (Files.isRegularFile(DockerConfigCredentials.defaultLocation())) {
            credentials = credentials.orElse(DockerConfigCredentials.load(DockerConfigCredentials.defaultLocation(), json));
        }
        this.json = json;
        this.factory = new RegistryClientFactory(RegistryClientConfig.defaults().withInsecureHosts(insecure)
                .withTimeouts(settings.connectTimeout(), settings.requestTimeout())
                .withRetries(settings.attempts(), settings.initialBackoff(), settings.maxBackoff()),
                credentials, json);
    }

    @Override
    public Manifest resolve(ImageReference reference) {
        var m = client(reference.apiHost()).getManifest(reference.repository(), reference.apiReference());
        return new Manifest(m.bytes(), m.mediaType(), m.digest());
    }

    @Override
    public PushOutcome push(RegistryConfig registry, String repository, OciImage image, String tag,
            String mountFrom) {
        List<BlobSource> blobs = new ArrayList<>();
        blobs.add(blob(image, image.config()));
        image.layers().forEach(l -> blobs.add(blob(image, l)));
        ImagePushResult result = client(registry.hostAndPort()).pushImage(repository, tag, image.manifest(),
                image.mediaType(), blobs, mountFrom);
        return new PushOutcome(result.manifestDigest(), result.bytesUploaded(), (int) result.blobsUploaded(),
                (int) (result.blobsSkipped() + result.blobsMounted()));
    }

    @Override
    public void fetchBlob(ImageReference repository, Digest digest, Path target) {
        client(repository.apiHost()).fetchBlob(repository.repository(), digest, target);
    }

    @Override
    public byte[] blob(ImageReference repository, Digest digest) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        client(repository.apiHost()).fetchBlob(repository.repository(), digest, out);
        return out.toByteArray();
    }

    @Override
    public void stageSboms(RegistryConfig registry, String repository, List<Sbom> sboms) {
        new ReferrerAttacher(client(registry.hostAndPort()), json).stageSboms(repository, sboms);
    }

    @Override
    public void attachSboms(RegistryConfig registry, String repository, OciImage image, List<Sbom> sboms,
            Instant created) {
        ManifestInfo subject = new ManifestInfo(image.manifestDigest(), image.mediaType(), image.manifest().length);
        new ReferrerAttacher(client(registry.hostAndPort()), json).attachStaged(repository, subject, sboms, created);
    }

    @Override
    public Digest tag(RegistryConfig registry, String repository, OciImage image, String tag) {
        return client(registry.hostAndPort()).pushManifest(repository, tag, image.manifest(), image.mediaType());
    }

    @Override
    public Optional<Digest> head(RegistryConfig registry, String repository, String reference) {
        return client(registry.hostAndPort()).headManifest(repository, reference).map(i -> i.digest());
    }

    @Override
    public List<String> tags(RegistryConfig registry, String repository) {
        try {
            return client(registry.hostAndPort()).listTags(repository);
        } catch (SlipwayException e) {
            if (e.code() == ErrorCode.REGISTRY_NOT_FOUND) {
                return List.of(); // a repository nothing was pushed to yet
            }
            throw e;
        }
    }

    private RegistryClient client(String host) {
        return clients.computeIfAbsent(host, factory::forHost);
    }

    private static BlobSource blob(OciImage image, Descriptor d) {
        return BlobSource.ofFile(image.blob(d.digest()), d.digest(), d.size());
    }
}
