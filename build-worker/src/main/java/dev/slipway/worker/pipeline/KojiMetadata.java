package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.worker.image.Descriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Builds the content-generator metadata of a build the way Koji imports it ({@code metadata_version 0}: build,
 * buildroots, output with {@code extra.docker}), so the hub can import it and Koji-aware tools can read it.
 */
final class KojiMetadata {
    static final String GENERATOR = "slipway";
    private final ObjectMapper json;
    private final KojiComponents components;

    KojiMetadata(ObjectMapper json) {
        this.json = json;
        this.components = new KojiComponents(json);
    }

    ObjectNode of(BuildState s, Path archive, String archiveName, Instant finished) throws IOException {
        ObjectNode root = json.createObjectNode();
        root.put("metadata_version", 0);
        root.set("build", build(s, finished));
        root.set("buildroots", json.createArrayNode().add(buildroot(s)));
        ArrayNode output = root.putArray("output");
        output.add(image(s, archive, archiveName));
        ObjectNode log = output.addObject();
        log.put("buildroot_id", 1);
        log.put("filename", "build.log");
        log.put("type", "log");
        log.put("arch", "noarch");
        return root;
    }

    private ObjectNode build(BuildState s, Instant finished) {
        ObjectNode b = json.createObjectNode();
        b.put("name", s.nvr.name());
        b.put("version", s.nvr.version());
        b.put("release", s.nvr.release());
        b.put("source", s.request.source().toString());
        b.put("start_time", s.started.getEpochSecond());
        b.put("end_time", finished.getEpochSecond());
        b.put("owner", s.request.owner());
        ObjectNode image = b.putObject("extra").putObject("image");
        image.put("isolated", false);
        ArrayNode parents = image.putArray("parent_images");
        s.parents.forEach(p -> parents.add(p.written()));
        ObjectNode digests = image.putObject("parent_image_digests");
        s.parents.forEach(p -> digests.put(p.written(), p.pinned()));
        ObjectNode index = image.putObject("index");
        index.set("tags", json.valueToTree(s.tags.all()));
        index.set("floating_tags", json.valueToTree(s.tags.floating()));
        index.set("unique_tags", json.valueToTree(java.util.List.of(s.tags.unique())));
        ArrayNode pull = index.putArray("pull");
        s.pushes.forEach(p -> p.pullSpecs().forEach(pull::add));
        index.putObject("digests").put(s.image.mediaType(), s.image.manifestDigest().toString());
        image.set("media_types", json.createArrayNode().add(s.image.mediaType()));
        b.with("extra").putObject("osbs_build").put("kind", "container_build").put("engine", "docker");
        b.with("extra").put("submitter", s.request.owner());
        return b;
    }

    private ObjectNode buildroot(BuildState s) {
        ObjectNode r = json.createObjectNode();
        r.put("id", 1);
        r.putObject("host").put("os", s.engine.os()).put("arch", s.engine.arch());
        r.putObject("content_generator").put("name", GENERATOR).put("version", version());
        r.putObject("container").put("type", "docker").put("arch", s.engine.arch());
        r.putArray("tools").addObject().put("name", "docker").put("version", s.engine.engineVersion());
        r.putArray("components");
        r.putObject("extra").putObject("slipway").put("engine_host", s.engine.hostName());
        return r;
    }

    private ObjectNode image(BuildState s, Path archive, String archiveName) throws IOException {
        ObjectNode o = json.createObjectNode();
        o.put("buildroot_id", 1);
        o.put("filename", archiveName);
        o.put("filesize", Files.size(archive));
        o.put("checksum", md5(archive));
        o.put("checksum_type", "md5");
        o.put("arch", s.engine.arch());
        o.put("type", "docker-image");
        o.set("components", components.of(s.packages));
        ObjectNode docker = o.putObject("extra").putObject("docker");
        o.with("extra").putObject("image").put("arch", s.engine.arch());
        docker.put("id", s.image.imageId().toString());
        ObjectNode config = (ObjectNode) json.readTree(Files.readAllBytes(s.image.blob(s.image.config().digest())));
        config.remove("container_config");
        docker.put("parent_id", s.parents.isEmpty() ? null : s.parents.get(s.parents.size() - 1).imageId());
        ArrayNode repos = docker.putArray("repositories");
        s.pushes.forEach(p -> {
            repos.add(p.registry() + "/" + p.repository() + ":" + s.tags.unique());
            repos.add(p.registry() + "/" + p.repository() + "@" + p.digest());
        });
        docker.set("tags", json.valueToTree(s.tags.all()));
        ArrayNode sizes = docker.putArray("layer_sizes");
        for (Descriptor l : s.image.layers()) {
            sizes.addObject().put("diff_id", l.diffId().toString()).put("digest", l.digest().toString())
                    .put("size", l.size()).put("uncompressed_size", l.uncompressedSize());
        }
        docker.putObject("digests").put(s.image.mediaType(), s.image.manifestDigest().toString());
        docker.set("config", config);
        return o;
    }

    private static String md5(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("MD5");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0;) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM without MD5", e);
        }
    }

    private static String version() {
        String v = KojiMetadata.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
