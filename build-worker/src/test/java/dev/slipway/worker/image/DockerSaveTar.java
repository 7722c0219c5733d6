package dev.slipway.worker.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Builds, in memory, the tar {@code docker save} writes: manifest.json, the config JSON and one layer.tar each. */
final class DockerSaveTar {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    final List<byte[]> layers = new ArrayList<>();
    byte[] config;

    /** A tiny layer: a tar holding one file. */
    static byte[] layer(String fileName, String content) throws IOException {
        return layer(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A layer holding one file with these bytes. */
    static byte[] layer(String fileName, byte[] content) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(fileName, content);
        return tar(files);
    }

    DockerSaveTar withLayers(byte[]... tars) {
        layers.addAll(List.of(tars));
        return this;
    }

    /** The config whose rootfs.diff_ids are the layers' sha256, in this order. */
    DockerSaveTar withMatchingConfig() throws IOException {
        List<String> diffIds = new ArrayList<>();
        for (byte[] layer : layers) {
            diffIds.add(Digest.sha256(layer).toString());
        }
        return withConfigDiffIds(diffIds);
    }

    DockerSaveTar withConfigDiffIds(List<String> diffIds) throws IOException {
        ObjectNode c = json.createObjectNode();
        c.put("architecture", "amd64");
        c.put("os", "linux");
        c.putObject("config").putArray("Cmd").add("/bin/sh");
        ObjectNode rootfs = c.putObject("rootfs");
        rootfs.put("type", "layers");
        ArrayNode ids = rootfs.putArray("diff_ids");
        diffIds.forEach(ids::add);
        config = json.writeValueAsBytes(c);
        return this;
    }

    /** The whole archive, entries in the order docker save writes them. */
    byte[] bytes() throws IOException {
        String configName = Digest.sha256(config).hex() + ".json";
        ObjectNode image = json.createObjectNode();
        image.put("Config", configName);
        image.putArray("RepoTags").add("app:1.0");
        ArrayNode layerNames = image.putArray("Layers");
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String dir = "layer" + i + "-" + Digest.sha256(layers.get(i)).hex().substring(0, 12);
            files.put(dir + "/", null);
            files.put(dir + "/VERSION", "1.0".getBytes(StandardCharsets.UTF_8));
            files.put(dir + "/layer.tar", layers.get(i));
            layerNames.add(dir + "/layer.tar");
        }
        files.put(configName, config);
        files.put("manifest.json", json.writeValueAsBytes(json.createArrayNode().add(image)));
        files.put("repositories", "{\"app\":{\"1.0\":\"x\"}}".getBytes(StandardCharsets.UTF_8));
        files.putAll(entries);
        return tar(files);
    }

    /** Adds or replaces an entry (null content makes a directory). */
    DockerSaveTar withEntry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(f.getKey(), true);
                if (f.getValue() != null) {
                    entry.setSize(f.getValue().length);
                }
                out.putArchiveEntry(entry);
                if (f.getValue() != null) {
                    out.write(f.getValue());
                }
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
