package dev.slipway.testing.registry;

import dev.slipway.common.image.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny single-layer linux/amd64 image made in memory (one gzipped tar layer holding one file, a config and a
 * manifest in OCI or Docker v2s2 format), for pushing to test registries without pulling anything.
 */
public record TestImage(byte[] config, byte[] layer, byte[] manifest, String mediaType) {

    /** The two manifest formats. */
    public enum Format { OCI, DOCKER }

    public TestImage {
        config = config.clone();
        layer = layer.clone();
        manifest = manifest.clone();
    }

    /** An image whose layer holds {@code /<fileName>} with {@code content}. */
    public static TestImage create(String fileName, byte[] content, Format format) {
        byte[] tar = TinyTar.of(Map.of(fileName, content));
        byte[] layer = gzip(tar);
        boolean oci = format == Format.OCI;
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/" + fileName + "\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + Digest.sha256(tar) + "\"]},"
                + "\"history\":[{\"created_by\":\"slipway TestImage\"}]}").getBytes(StandardCharsets.UTF_8);
        String mediaType = oci ? "application/vnd.oci.image.manifest.v1+json"
                : "application/vnd.docker.distribution.manifest.v2+json";
        String configType = oci ? "application/vnd.oci.image.config.v1+json"
                : "application/vnd.docker.container.image.v1+json";
        String layerType = oci ? "application/vnd.oci.image.layer.v1.tar+gzip"
                : "application/vnd.docker.image.rootfs.diff.tar.gzip";
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + mediaType + "\","
                + "\"config\":" + descriptor(configType, config) + ","
                + "\"layers\":[" + descriptor(layerType, layer) + "]}").getBytes(StandardCharsets.UTF_8);
        return new TestImage(config, layer, manifest, mediaType);
    }

    /** An image with a text file. */
    public static TestImage create(String fileName, String content, Format format) {
        return create(fileName, content.getBytes(StandardCharsets.UTF_8), format);
    }

    @Override
    public byte[] config() {
        return config.clone();
    }

    @Override
    public byte[] layer() {
        return layer.clone();
    }

    @Override
    public byte[] manifest() {
        return manifest.clone();
    }

    public Digest configDigest() {
        return Digest.sha256(config);
    }

    public Digest layerDigest() {
        return Digest.sha256(layer);
    }

    public Digest manifestDigest() {
        return Digest.sha256(manifest);
    }

    private static String descriptor(String mediaType, byte[] content) {
        return "{\"mediaType\":\"" + mediaType + "\",\"digest\":\"" + Digest.sha256(content) + "\",\"size\":"
                + content.length + "}";
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
