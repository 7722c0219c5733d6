package dev.slipway.hub.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.CgDocument;
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

    /** Checks {@code doc}; throws CG_METADATA_INVALID naming the first bad field. */
    CgImport parse(CgDocument doc) {
        CgField root = new CgField("metadata");
        root.object(doc);
        if (root.at("metadata_version").number(doc.metadataVersion()) != 0) {
            throw root.at("metadata_version").invalid("must be 0");
        }
        CgField b = root.at("build");
        CgDocument.Build build = b.object(doc.build());
        String name = b.at("name").string(build.name());
        String version = b.at("version").string(build.version());
        String release = b.at("release").string(build.release());
        try {
            new Nvr(name, version, release);
        } catch (RuntimeException e) {
            throw b.invalid("has an invalid NVR: " + e.getMessage());
        }
        String source = b.at("source").string(build.source());
        long start = b.at("start_time").number(build.startTime());
        long end = b.at("end_time").number(build.endTime());
        if (end < start) {
            throw b.at("end_time").invalid("is before start_time");
        }
        CgDocument.BuildExtra extra = b.at("extra").object(build.extra());
        b.at("extra").at("image").object(extra.image());
        Set<Integer> buildroots = new HashSet<>();
        List<CgDocument.Buildroot> roots = root.at("buildroots").array(doc.buildroots());
        for (int i = 0; i < roots.size(); i++) {
            CgField br = root.at("buildroots").at(i);
            CgDocument.Buildroot r = br.object(roots.get(i));
            buildroots.add(r.id());
            br.at("content_generator").object(r.contentGenerator());
            br.at("content_generator").at("name").string(r.contentGenerator().name());
        }
        List<CgImport.Image> images = new ArrayList<>();
        List<ArchiveInfo> archives = new ArrayList<>();
        List<CgDocument.Output> outputs = root.at("output").array(doc.output());
        for (int i = 0; i < outputs.size(); i++) {
            CgField out = root.at("output").at(i);
            CgDocument.Output o = out.object(outputs.get(i));
            if (o.buildrootId() == null || !buildroots.contains(o.buildrootId())) {
                throw out.at("buildroot_id").invalid("names no buildroot in metadata.buildroots");
            }
            String type = out.at("type").string(o.type());
            String filename = out.at("filename").string(o.filename());
            if (filename.contains("/") || filename.equals("..")) {
                throw out.at("filename").invalid("must be a plain file name");
            }
            String arch = out.at("arch").string(o.arch());
            if (o.checksum() != null && (!HEX.matcher(o.checksum()).matches() || o.checksumType() == null)) {
                throw out.at("checksum").invalid("must be lower-case hex with a checksum_type");
            }
            String relpath = o.relpath();
            if (relpath != null && (relpath.startsWith("/") || relpath.contains(".."))) {
                throw out.at("relpath").invalid("must be a relative path inside the build's directory");
            }
            archives.add(new ArchiveInfo(filename, relpath, type, arch, o.filesize(), o.checksum(), o.checksumType()));
            if (type.equals("docker-image")) {
                images.add(image(out, o, arch));
            }
        }
        if (images.isEmpty()) {
            throw root.at("output").invalid("has no docker-image output");
        }
        return new CgImport(name, version, release, source, extra, images, archives, parents(extra.image()));
    }

    private CgImport.Image image(CgField out, CgDocument.Output o, String arch) {
        CgField d = out.at("extra").at("docker");
        CgDocument.Docker docker = d.object(o.extra() == null ? null : o.extra().docker());
        String imageId = d.at("id").string(docker.id());
        if (!Digest.isSha256(imageId)) {
            throw d.at("id").invalid("must be sha256:<64 hex>");
        }
        Map<String, String> byType = d.at("digests").object(docker.digests());
        if (byType.isEmpty() || !byType.values().stream().allMatch(v -> v != null && Digest.isSha256(v))) {
            throw d.at("digests").invalid("must map media types to sha256:<64 hex> manifest digests");
        }
        var first = byType.entrySet().iterator().next();
        List<String> pull = d.at("repositories").strings(docker.repositories()).stream()
                .filter(r -> r.contains("@sha256:")).toList();
        List<String> tags = d.at("tags").strings(docker.tags());
        List<LayerSize> all = d.at("layer_sizes").array(docker.layerSizes());
        List<LayerSize> layers = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            CgField l = d.at("layer_sizes").at(i);
            LayerSize layer = l.object(all.get(i));
            layers.add(new LayerSize(l.at("diff_id").string(layer.diffId()), layer.digest(),
                    l.at("size").number(layer.size()), layer.uncompressedSize()));
        }
        JsonNode config = d.at("config").object(docker.config());
        if (!config.isObject()) {
            throw d.at("config").invalid("must be an object");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        JsonNode l = config.path("config").path("Labels");
        if (l.isObject()) {
            l.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        List<RpmComponent> components = new ArrayList<>();
        if (o.components() != null) {
            if (o.components().size() > MAX_COMPONENTS) {
                throw out.at("components").invalid("lists more than " + MAX_COMPONENTS + " components");
            }
            for (int i = 0; i < o.components().size(); i++) {
                components.add(component(out.at("components").at(i), o.components().get(i)));
            }
        }
        return new CgImport.Image(arch, first.getValue(), first.getKey(), imageId, docker.parentId(), pull, tags,
                labels, layers, components);
    }

    private RpmComponent component(CgField f, RpmComponent c) {
        f.object(c);
        String type = f.at("type").string(c.type());
        if (!type.equals("rpm") && !type.equals("deb")) {
            throw f.at("type").invalid("must be rpm or deb");
        }
        boolean rpm = type.equals("rpm");
        if (rpm && (c.sigmd5() == null || !HEX.matcher(c.sigmd5()).matches())) {
            throw f.at("sigmd5").invalid("must be the package's hex header MD5");
        }
        if (c.signature() != null && !HEX.matcher(c.signature()).matches()) {
            throw f.at("signature").invalid("must be a hex key id or null");
        }
        f.at("name").string(c.name());
        f.at("version").string(c.version());
        if (rpm) {
            f.at("release").string(c.release());
            f.at("arch").string(c.arch());
        }
        return c;
    }

    private static List<String> parents(CgDocument.ImageExtra image) {
        List<String> out = new ArrayList<>();
        if (image.parentImageDigests() != null) {
            image.parentImageDigests().values().forEach(p -> addDigest(out, p));
        }
        if (image.parentImages() != null) {
            image.parentImages().forEach(p -> addDigest(out, p));
        }
        return out.stream().distinct().toList();
    }

    private static void addDigest(List<String> out, String reference) {
        if (reference == null) {
            return;
        }
        int at = reference.indexOf("@sha256:");
        String digest = at >= 0 ? reference.substring(at + 1) : reference;
        if (Digest.isSha256(digest)) {
            out.add(digest);
        }
    }
}
