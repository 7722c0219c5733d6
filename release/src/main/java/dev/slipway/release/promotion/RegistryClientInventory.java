package dev.slipway.release.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.Manifest;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import dev.slipway.registry.RegistryClient;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The inventory over real registries: HEADs, and the child-to-index map of a repository built from its tags
 * (registry 2.8 has no digest listing, so each tag is HEADed and each index read), once per repository and run.
 */
final class RegistryClientInventory implements RegistryInventory {
    private final Function<String, RegistryClient> clients;
    private final ObjectMapper json;
    private final Map<String, Map<Digest, Digest>> children = new ConcurrentHashMap<>();

    RegistryClientInventory(Function<String, RegistryClient> clients, ObjectMapper json) {
        this.clients = clients;
        this.json = json;
    }

    @Override
    public Optional<ManifestInfo> head(String host, String repository, String reference) {
        return clients.apply(host).headManifest(repository, reference);
    }

    @Override
    public Map<Digest, Digest> indexChildren(String host, String repository) {
        return children.computeIfAbsent(host + "/" + repository, key -> scan(clients.apply(host), repository));
    }

    private Map<Digest, Digest> scan(RegistryClient client, String repository) {
        Map<Digest, Digest> out = new HashMap<>();
        for (String tag : client.listTags(repository)) {
            Optional<ManifestInfo> info = client.headManifest(repository, tag);
            if (info.isEmpty() || !MediaTypes.isIndex(info.get().mediaType())) {
                continue;
            }
            Manifest index = client.getManifest(repository, info.get().digest().toString());
            try {
                for (JsonNode child : json.readTree(index.bytes()).path("manifests")) {
                    out.putIfAbsent(Digest.parse(child.path("digest").asText()), index.digest());
                }
            } catch (IOException e) {
                throw new SlipwayException(ErrorCode.REGISTRY_PROTOCOL, "Tried to read the index "
                        + client.host() + "/" + repository + ":" + tag + " but it is not JSON", e);
            }
        }
        return Map.copyOf(out);
    }
}
