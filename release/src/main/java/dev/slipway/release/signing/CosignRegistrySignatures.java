package dev.slipway.release.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.registry.BlobSource;
import dev.slipway.registry.Manifest;
import dev.slipway.registry.MediaTypes;
import dev.slipway.registry.RegistryClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cosign signatures kept in a registry under the tag {@code sha256-<hex>.sig} of the signed image's repository: an
 * OCI manifest with one {@code simplesigning} layer per signature. Adding appends to the existing manifest (the
 * update is read-modify-write, so concurrent signers of one digest must be serialised by the caller).
 *
 * @see <a href="https://github.com/sigstore/cosign/blob/main/specs/SIGNATURE_SPEC.md">cosign tag-based discovery</a>
 */
public final class CosignRegistrySignatures {
    private final RegistryClient client;
    private final ObjectMapper json;

    /** @param client a client for the registry host of the images passed in */
    public CosignRegistrySignatures(RegistryClient client, ObjectMapper json) {
        this.client = Objects.requireNonNull(client, "client");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** {@code sha256-<hex>.sig}. */
    public static String signatureTag(Digest digest) {
        return digest.algorithm() + "-" + digest.hex() + ".sig";
    }

    /**
     * Adds {@code signature} to the {@code .sig} manifest of {@code digest} in {@code image}'s repository and returns
     * the manifest's digest; a signature already present is not added twice (nothing is pushed then).
     */
    public Digest add(ImageReference image, Digest digest, CosignSignature signature) {
        String tag = signatureTag(digest);
        Optional<Manifest> existing = client.headManifest(image.repository(), tag)
                .map(info -> client.getManifest(image.repository(), info.digest().toString()));
        List<JsonNode> layers = new ArrayList<>();
        if (existing.isPresent()) {
            readTree(existing.get()).path("layers").forEach(layers::add);
        }
        BlobSource payload = BlobSource.ofBytes(signature.payload());
        for (JsonNode layer : layers) {
            if (layer.path("digest").asText().equals(payload.digest().toString()) && signature.signatureBase64()
                    .equals(layer.path("annotations").path(CosignSignature.SIGNATURE_ANNOTATION).asText())) {
                return existing.get().digest();
            }
        }
        layers.add(descriptor(CosignSignature.PAYLOAD_MEDIA_TYPE, payload)
                .set("annotations", JsonNodeFactory.instance.objectNode()
                        .put(CosignSignature.SIGNATURE_ANNOTATION, signature.signatureBase64())));
        BlobSource config = BlobSource.ofBytes(config(layers));
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
        manifest.set("config", descriptor(MediaTypes.OCI_CONFIG, config));
        manifest.putArray("layers").addAll(layers);
        byte[] bytes = manifest.toString().getBytes(StandardCharsets.UTF_8);
        return client.pushImage(image.repository(), tag, bytes, MediaTypes.OCI_MANIFEST, List.of(config, payload))
                .manifestDigest();
    }

    /** Every signature under the {@code .sig} tag of {@code digest}; empty when the image is unsigned. */
    public List<CosignSignature> fetch(ImageReference image, Digest digest) {
        String tag = signatureTag(digest);
        if (client.headManifest(image.repository(), tag).isEmpty()) {
            return List.of();
        }
        List<CosignSignature> out = new ArrayList<>();
        for (JsonNode layer : readTree(client.getManifest(image.repository(), tag)).path("layers")) {
            if (!CosignSignature.PAYLOAD_MEDIA_TYPE.equals(layer.path("mediaType").asText())) {
                continue;
            }
            String signature = layer.path("annotations").path(CosignSignature.SIGNATURE_ANNOTATION).asText("");
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            client.fetchBlob(image.repository(), Digest.parse(layer.path("digest").asText()), payload);
            try {
                out.add(new CosignSignature(payload.toByteArray(), Base64.getDecoder().decode(signature)));
            } catch (IllegalArgumentException e) {
                throw new SlipwayException(ErrorCode.SIGNATURE_PAYLOAD_INVALID, "Tried to read the cosign signatures"
                        + " of " + image.name() + "@" + digest + " but a layer's signature is not base64");
            }
        }
        return List.copyOf(out);
    }

    /** A config in the shape cosign writes: empty platform, the payload digests as the rootfs. */
    private static byte[] config(List<JsonNode> layers) {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        config.put("architecture", "");
        config.put("created", "0001-01-01T00:00:00Z");
        config.putArray("history").addObject().put("created", "0001-01-01T00:00:00Z");
        config.put("os", "");
        ObjectNode rootfs = config.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode diffIds = rootfs.putArray("diff_ids");
        layers.forEach(l -> diffIds.add(l.path("digest").asText()));
        config.putObject("config");
        return config.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ObjectNode descriptor(String mediaType, BlobSource blob) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("mediaType", mediaType);
        node.put("size", blob.size());
        node.put("digest", blob.digest().toString());
        return node;
    }

    private JsonNode readTree(Manifest manifest) {
        try {
            return json.readTree(manifest.bytes());
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.SIGNATURE_PAYLOAD_INVALID,
                    "Tried to read the cosign signature manifest " + manifest.digest() + " but it is not JSON", e);
        }
    }
}
