package dev.slipway.worker.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Turns a saved image into an OCI image layout: takes each layer's blob as compressed while the image was read
 * (or the registry's blob of a layer it already holds), checks every layer's uncompressed digest against the
 * config's diff_ids, and writes the manifest with the image's OCI annotations.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/image-layout.md">OCI image layout</a>
 */
public final class OciImageWriter {
    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    private static final String INDEX = "application/vnd.oci.image.index.v1+json";

    private final ObjectMapper json;
    private final ExecutorService fetchers;

    /** {@code fetchers}: the pool that fetches known layers from the registry, side by side. */
    public OciImageWriter(ObjectMapper json, ExecutorService fetchers) {
        this.json = json;
        this.fetchers = fetchers;
    }

    /** Writes the layout into {@code layout} and returns it; {@code refName} is recorded in index.json. */
    public OciImage write(SavedImage saved, Map<String, String> annotations, Path layout, String refName) {
        return write(saved, annotations, layout, refName, KnownLayers.none());
    }

    /** As above, reusing the registry's compressed blobs of layers it already knows (the parent's). */
    public OciImage write(SavedImage saved, Map<String, String> annotations, Path layout, String refName,
            KnownLayers known) {
        try {
            Path blobs = Files.createDirectories(layout.resolve("blobs").resolve("sha256"));
            Descriptor config = writeBlob(blobs, saved.config(), CONFIG);
            List<Digest> diffIds = diffIds(saved.config());
            List<Future<Descriptor>> pending = new ArrayList<>();
            for (int i = 0; i < saved.layerBlobs().size(); i++) {
                Descriptor ours = saved.layerBlobs().get(i);
                Optional<Descriptor> reused = i < diffIds.size() ? known.lookup(diffIds.get(i)) : Optional.empty();
                pending.add(reused.isPresent() ? fetchers.submit(() -> reuse(reused.get(), ours, blobs, known))
                        : CompletableFuture.completedFuture(ours));
            }
            List<Descriptor> layers = new ArrayList<>();
            for (Future<Descriptor> f : pending) {
                layers.add(f.get());
            }
            for (Descriptor layer : layers) {
                place(saved.blob(layer), blobs.resolve(layer.digest().hex()));
            }
            checkDiffIds(saved.config(), layers);
            byte[] manifest = manifest(config, layers, annotations);
            Descriptor manifestDescriptor = writeBlob(blobs, manifest, MANIFEST);
            writeIndex(layout, manifestDescriptor, refName);
            return new OciImage(layout, manifest, MANIFEST, manifestDescriptor.digest(), config, layers);
        } catch (IOException | ExecutionException e) {
            throw new SlipwayException(ErrorCode.MIRROR_EXPORT_FAILED, "Tried to write the OCI layout " + layout
                    + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlipwayException(ErrorCode.CANCELED, "Writing the OCI layout was interrupted", e);
        }
    }

    /**
     * A blob compressed while the image was read goes into the layout as a hard link (a copy across file
     * systems): never compressed again, and still there for another layout of the same image.
     */
    private static void place(Path ours, Path target) throws IOException {
        if (Files.exists(target)) {
            return; // a layer listed twice, or a known layer fetched from the registry instead
        }
        if (!Files.exists(ours)) {
            throw new IOException("the compressed layer " + ours + " is missing");
        }
        try {
            Files.createLink(target, ours);
        } catch (FileAlreadyExistsException e) {
            // placed by an identical layer at the same moment
        } catch (IOException | UnsupportedOperationException e) {
            Path tmp = Files.createTempFile(target.getParent(), "layer", ".tmp");
            Files.copy(ours, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** A known layer: fetched from the registry, and described with this manifest's OCI layer media type. */
    private static Descriptor reuse(Descriptor compressed, Descriptor ours, Path blobs, KnownLayers known) {
        known.fetch(compressed, blobs.resolve(compressed.digest().hex()));
        return new Descriptor(LAYER, compressed.digest(), compressed.size(), compressed.diffId(),
                ours.uncompressedSize());
    }

    private List<Digest> diffIds(byte[] config) throws IOException {
        List<Digest> ids = new ArrayList<>();
        json.readTree(config).path("rootfs").path("diff_ids").forEach(n -> ids.add(Digest.parse(n.asText())));
        return ids;
    }

    private static Descriptor writeBlob(Path blobs, byte[] bytes, String mediaType) throws IOException {
        Digest digest = Digest.sha256(bytes);
        Files.write(blobs.resolve(digest.hex()), bytes);
        return new Descriptor(mediaType, digest, bytes.length, null, bytes.length);
    }

    private void checkDiffIds(byte[] config, List<Descriptor> layers) throws IOException {
        JsonNode diffIds = json.readTree(config).path("rootfs").path("diff_ids");
        List<String> expected = new ArrayList<>();
        diffIds.forEach(n -> expected.add(n.asText()));
        List<String> actual = layers.stream().map(d -> d.diffId().toString()).toList();
        if (!expected.equals(actual)) {
            throw new SlipwayException(ErrorCode.REGISTRY_DIGEST_MISMATCH,
                    "The saved layers do not match the image config: expected diff_ids " + expected + ", got " + actual);
        }
    }

    private byte[] manifest(Descriptor config, List<Descriptor> layers, Map<String, String> annotations)
            throws IOException {
        ObjectNode m = json.createObjectNode();
        m.put("schemaVersion", 2);
        m.put("mediaType", MANIFEST);
        m.set("config", descriptor(config));
        ArrayNode ls = m.putArray("layers");
        layers.forEach(l -> ls.add(descriptor(l)));
        if (!annotations.isEmpty()) {
            ObjectNode a = m.putObject("annotations");
            new TreeMap<>(annotations).forEach(a::put);
        }
        return json.writeValueAsBytes(m);
    }

    private ObjectNode descriptor(Descriptor d) {
        ObjectNode n = json.createObjectNode();
        n.put("mediaType", d.mediaType());
        n.put("digest", d.digest().toString());
        n.put("size", d.size());
        return n;
    }

    private void writeIndex(Path layout, Descriptor manifest, String refName) throws IOException {
        Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        ObjectNode index = json.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        ObjectNode entry = descriptor(manifest);
        entry.putObject("annotations").put("org.opencontainers.image.ref.name", refName);
        index.putArray("manifests").add(entry);
        json.writeValue(layout.resolve("index.json").toFile(), index);
    }
}
