package dev.slipway.hub.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.LayerSize;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.Nvr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates Koji content-generator metadata ({@code metadata_version 0}) as a worker reports it and extracts what
 * the hub records. Follows Koji's content_generator_metadata document plus OSBS's {@code extra.docker} keys.
 *
 * @see <a href="https://docs.pagure.org/koji/content_generator_metadata/">Koji CG metadata</a>
 */
final class CgMetadata {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
    private static final int MAX_COMPONENTS = 100_000;

    /** Parses {@code doc}; throws CG_METADATA_INVALID naming the first bad field. */
    CgImport parse(JsonNode doc) {
        JsonFields root = new JsonFields(doc, "metadata");
        root.object();
        if (root.at("metadata_version").number() != 0) {
            throw root.at("metadata_version").invalid("must be 0");
        }
        JsonFields build = root.at("build");
        build.object();
        String name = build.at("name").string();
        String version = build.at("version").string();
        String release = build.at("release").string();
        try {
            new Nvr(name, version, release);
        } catch (RuntimeException e) {
            throw build.invalid("has an invalid NVR: " + e.getMessage());
        }
        String source = build.at("source").string();
        long start = build.at("start_time").number();
        long end = build.at("end_time").number();
        if (end < start) {
            throw build.at("end_time").invalid("is before start_time");
        }
        build.at("owner").optionalString();
        JsonFields extra = build.at("extra");
        extra.object();
        extra.at("image").object();
        Set<String> buildroots = new HashSet<>();
        for (JsonFields br : root.at("buildroots").array()) {
            br.object();
            buildroots.add(br.at("id").node().asText());
            br.at("content_generator").object();
            br.at("content_generator").at("name").string();
        }
        List<CgImport.Image> images = new ArrayList<>();
        List<ArchiveInfo> archives = new ArrayList<>();
        for (JsonFields out : root.at("output").array()) {
            out.object();
            if (!buildroots.contains(out.at("buildroot_id").node() == null ? "" : out.at("buildroot_id").node().asText())) {
                throw out.at("buildroot_id").invalid("names no buildroot in metadata.buildroots");
            }
            String type = out.at("type").string();
            String filename = out.at("filename").string();
            if (filename.contains("/") || filename.equals("..")) {
                throw out.at("filename").invalid("must be a plain file name");
            }
            String arch = out.at("arch").string();
            String checksum = out.at("checksum").optionalString();
            String checksumType = out.at("checksum_type").optionalString();
            if (checksum != null && (!HEX.matcher(checksum).matches() || checksumType == null)) {
                throw out.at("checksum").invalid("must be lower-case hex with a checksum_type");
            }
            String relpath = out.at("relpath").optionalString();
            if (relpath != null && (relpath.startsWith("/") || relpath.contains(".."))) {
                throw out.at("relpath").invalid("must be a relative path inside the build's directory");
            }
            archives.add(new ArchiveInfo(filename, relpath, type, arch, out.at("filesize").optionalNumber(), checksum,
                    checksumType));
            if (type.equals("docker-image")) {
                images.add(image(out, arch));
            }
        }
        if (images.isEmpty()) {
            throw root.at("output").invalid("has no docker-image output");
        }
        return new CgImport(name, version, release, source, extra.node(), images, archives, parents(extra));
    }

    private CgImport.Image image(JsonFields out, String arch) {
        JsonFields docker = out.at("extra").at("docker");
        docker.object();
        String imageId = docker.at("id").string();
        if (!Digest.isSha256(imageId)) {
            throw docker.at("id").invalid("must be sha256:<64 hex>");
        }
        JsonFields digests = docker.at("digests");
        digests.object();
        Map<String, String> byType = new LinkedHashMap<>();
        digests.node().fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asText()));
        if (byType.isEmpty() || !byType.values().stream().allMatch(Digest::isSha256)) {
            throw digests.invalid("must map media types to sha256:<64 hex> manifest digests");
        }
        var first = byType.entrySet().iterator().next();
        List<String> repositories = docker.at("repositories").strings();
        List<String> pull = repositories.stream().filter(r -> r.contains("@sha256:")).toList();
        List<String> tags = docker.at("tags").strings();
        List<LayerSize> layers = new ArrayList<>();
        for (JsonFields l : docker.at("layer_sizes").array()) {
            layers.add(new LayerSize(l.at("diff_id").string(), l.at("digest").optionalString(), l.at("size").number(),
                    l.at("uncompressed_size").optionalNumber()));
        }
        JsonFields config = docker.at("config");
        config.object();
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode l = config.node().path("config").path("Labels");
        if (l.isObject()) {
            l.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        List<RpmComponent> components = new ArrayList<>();
        JsonFields comps = out.at("components");
        if (comps.present()) {
            List<JsonFields> all = comps.array();
            if (all.size() > MAX_COMPONENTS) {
                throw comps.invalid("lists more than " + MAX_COMPONENTS + " components");
            }
            all.forEach(c -> components.add(component(c)));
        }
        return new CgImport.Image(arch, first.getValue(), first.getKey(), imageId,
                docker.at("parent_id").optionalString(), pull, tags, labels, layers, components);
    }

    private RpmComponent component(JsonFields c) {
        c.object();
        String type = c.at("type").string();
        if (!type.equals("rpm") && !type.equals("deb")) {
            throw c.at("type").invalid("must be rpm or deb");
        }
        boolean rpm = type.equals("rpm");
        Long epoch = c.at("epoch").optionalNumber();
        String sigmd5 = c.at("sigmd5").optionalString();
        String signature = c.at("signature").optionalString();
        if (rpm && (sigmd5 == null || !HEX.matcher(sigmd5).matches())) {
            throw c.at("sigmd5").invalid("must be the package's hex header MD5");
        }
        if (signature != null && !HEX.matcher(signature).matches()) {
            throw c.at("signature").invalid("must be a hex key id or null");
        }
        return new RpmComponent(type, c.at("name").string(), epoch == null ? null : epoch.intValue(),
                c.at("version").string(), rpm ? c.at("release").string() : c.at("release").optionalString(),
                rpm ? c.at("arch").string() : c.at("arch").optionalString(), sigmd5, signature,
                c.at("size").optionalNumber(), c.at("buildtime").optionalNumber(), c.at("license").optionalString(),
                c.at("vendor").optionalString(), c.at("sourcerpm").optionalString(), c.at("module").optionalString());
    }

    private static List<String> parents(JsonFields extra) {
        List<String> out = new ArrayList<>();
        JsonNode pinned = extra.node().path("image").path("parent_image_digests");
        pinned.fields().forEachRemaining(e -> addDigest(out, e.getValue().asText()));
        extra.node().path("image").path("parent_images").forEach(p -> addDigest(out, p.asText()));
        return out.stream().distinct().toList();
    }

    private static void addDigest(List<String> out, String reference) {
        int at = reference.indexOf("@sha256:");
        String digest = at >= 0 ? reference.substring(at + 1) : reference;
        if (Digest.isSha256(digest)) {
            out.add(digest);
        }
    }
}
