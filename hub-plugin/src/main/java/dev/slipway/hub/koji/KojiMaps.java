package dev.slipway.hub.koji;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.Admin;
import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.ImageInfo;
import dev.slipway.common.api.LayerSize;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.hub.admin.Directory.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Slipway's records as the dicts koji's hub answers: every field the koji client reads is present, nil when
 * Slipway has no value (never absent), ids resolved through {@link KojiIds}.
 */
final class KojiMaps {
    /** koji's checksum type numbers. */
    private static final Map<String, Integer> CHECKSUM_TYPES = Map.of("md5", 0, "sha1", 1, "sha256", 2);
    private final KojiIds dir;
    private final ObjectMapper json;

    KojiMaps(KojiIds dir, ObjectMapper json) {
        this.dir = dir;
        this.json = json;
    }

    /** koji's task state numbers: FREE 0, OPEN 1, CLOSED 2, CANCELED 3, ASSIGNED 4, FAILED 5. */
    static int taskState(TaskState s) {
        return switch (s) {
            case FREE -> 0;
            case OPEN -> 1;
            case CLOSED -> 2;
            case CANCELED -> 3;
            case ASSIGNED -> 4;
            case FAILED -> 5;
        };
    }

    static TaskState taskState(long koji) {
        for (TaskState s : TaskState.values()) {
            if (taskState(s) == koji) {
                return s;
            }
        }
        throw KojiFault.parameter("Unknown task state " + koji + "; states are 0 to 5");
    }

    /** A task as getTaskInfo answers it; {@code request} adds the decoded parameters. */
    Map<String, Object> task(TaskInfo t, boolean request) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", t.id());
        d.put("state", taskState(t.state()));
        times(d, "create", t.created());
        times(d, "start", t.started());
        times(d, "completion", t.completed());
        d.put("channel_id", dir.id(Kind.CHANNEL, t.channel()));
        d.put("host_id", t.host() == null ? null : dir.id(Kind.HOST, t.host()));
        d.put("parent", null);
        d.put("label", null);
        d.put("waiting", null);
        d.put("awaited", null);
        d.put("owner", dir.id(Kind.USER, t.owner()));
        d.put("method", t.method());
        d.put("arch", t.arch() == null ? "noarch" : t.arch());
        d.put("priority", t.priority());
        d.put("weight", t.weight());
        if (request) {
            d.put("request", request(t));
        }
        return d;
    }

    /** A task as listTasks answers it: the task plus owner and host names. */
    Map<String, Object> listedTask(TaskInfo t, boolean decode) {
        Map<String, Object> d = task(t, true);
        if (!decode) {
            d.put("request", XmlRpcWriter.call(t.method(), request(t).toArray()));
        }
        d.put("owner_name", t.owner());
        d.put("owner_type", 0);
        d.put("host_name", t.host());
        d.put("channel_name", t.channel());
        return d;
    }

    /** The decoded call parameters {@code [src, target, opts]}, opts without unset keys. */
    List<Object> request(TaskInfo t) {
        JsonNode p = t.parameters();
        List<Object> out = new ArrayList<>();
        out.add(p.path("src").isMissingNode() ? null : p.path("src").asText());
        out.add(p.path("target").isMissingNode() ? null : p.path("target").asText());
        ObjectNode opts = json.createObjectNode();
        p.path("opts").fields().forEachRemaining(e -> {
            boolean empty = e.getValue().isNull() || e.getValue().isArray() && e.getValue().isEmpty();
            if (!empty) {
                opts.set(e.getKey(), e.getValue());
            }
        });
        out.add(opts);
        return out;
    }

    /** A build as getBuild and listBuilds answer it. */
    Map<String, Object> build(BuildInfo b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", b.id());
        d.put("build_id", b.id());
        d.put("package_id", packageId(b.name()));
        d.put("package_name", b.name());
        d.put("name", b.name());
        d.put("version", b.version());
        d.put("release", b.release());
        d.put("epoch", null);
        d.put("nvr", b.nvr());
        d.put("state", b.state().ordinal());
        d.put("draft", false);
        d.put("owner_id", dir.id(Kind.USER, b.owner()));
        d.put("owner_name", b.owner());
        d.put("source", b.source());
        d.put("volume_id", 0);
        d.put("volume_name", "DEFAULT");
        d.put("creation_event_id", b.started() == null ? null : b.started().getEpochSecond());
        times(d, "creation", b.started());
        times(d, "start", b.started());
        times(d, "completion", b.completed());
        d.put("promotion_time", null);
        d.put("promotion_ts", null);
        d.put("promoter_id", null);
        d.put("promoter_name", null);
        d.put("task_id", b.taskId());
        d.put("cg_id", null);
        d.put("cg_name", "atomic-reactor");
        d.put("extra", extra(b));
        return d;
    }

    private Object extra(BuildInfo b) {
        ObjectNode extra = b.extra() != null && b.extra().isObject() ? ((ObjectNode) b.extra()).deepCopy()
                : json.createObjectNode();
        if (!extra.has("image") || !extra.get("image").isObject()) {
            extra.putObject("image");
        }
        if (b.taskId() != null) {
            extra.put("container_koji_task_id", b.taskId());
        }
        if (!extra.has("typeinfo") || !extra.get("typeinfo").isObject()) {
            extra.putObject("typeinfo");
        }
        ((ObjectNode) extra.get("typeinfo")).set("image", extra.get("image"));
        return extra;
    }

    /** The image archives of a build (btype {@code image}), one per arch, with their docker facts. */
    List<Map<String, Object>> archives(BuildInfo b) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImageInfo i : b.images()) {
            out.add(archive(b, i));
        }
        return out;
    }

    Map<String, Object> archive(BuildInfo b, ImageInfo i) {
        ArchiveInfo file = b.archives().stream().filter(a -> i.arch().equals(a.arch()) && a.type() != null
                && a.type().contains("image")).findFirst().orElse(null);
        long layers = i.layerSizes().stream().mapToLong(l -> l.size() == null ? 0 : l.size()).sum();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", i.id());
        d.put("build_id", b.id());
        d.put("type_id", 4);
        d.put("type_name", "tar");
        d.put("type_description", "Tar file");
        d.put("type_extensions", "tar tar.gz tar.bz2 tar.xz tgz");
        d.put("btype", "image");
        d.put("btype_id", 4);
        d.put("buildroot_id", null);
        d.put("filename", file != null ? file.filename()
                : "docker-image-" + hex(i.imageId()) + "." + i.arch() + ".tar.gz");
        d.put("size", file != null && file.size() != null ? file.size() : layers);
        d.put("checksum", file != null ? file.checksum() : hex(i.digest()));
        d.put("checksum_type", file != null && file.checksumType() != null
                ? CHECKSUM_TYPES.getOrDefault(file.checksumType(), 2) : 2);
        d.put("metadata_only", false);
        d.put("arch", i.arch());
        Map<String, Object> docker = new LinkedHashMap<>();
        docker.put("id", i.imageId());
        docker.put("parent_id", i.parentId());
        docker.put("repositories", digestFirst(i.pullSpecs()));
        docker.put("tags", i.tags());
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (LayerSize l : i.layerSizes()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("diff_id", l.diffId());
            s.put("digest", l.digest());
            s.put("size", l.size());
            s.put("uncompressed_size", l.uncompressedSize());
            sizes.add(s);
        }
        docker.put("layer_sizes", sizes);
        docker.put("digests", Map.of(i.mediaType() == null ? "application/vnd.oci.image.manifest.v1+json"
                : i.mediaType(), i.digest()));
        docker.put("config", configOf(b, i));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("docker", docker);
        extra.put("image", Map.of("arch", i.arch()));
        d.put("extra", extra);
        return d;
    }

    /** The image's config as the build's metadata recorded it, if it did. */
    private JsonNode configOf(BuildInfo b, ImageInfo i) {
        JsonNode c = b.extra() == null ? null : b.extra().path("image").path("config");
        return c == null || c.isMissingNode() ? null : c;
    }

    /** One package of an image as a koji rpm dict. */
    Map<String, Object> rpm(RpmComponent c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", null);
        d.put("name", c.name());
        d.put("version", c.version());
        d.put("release", c.release());
        d.put("epoch", c.epoch());
        d.put("arch", c.arch());
        d.put("nvr", c.name() + "-" + c.version() + "-" + c.release());
        d.put("payloadhash", c.sigmd5());
        d.put("size", c.size());
        d.put("buildtime", c.buildtime());
        d.put("build_id", null);
        d.put("buildroot_id", null);
        d.put("external_repo_id", 0);
        d.put("external_repo_name", "INTERNAL");
        d.put("metadata_only", false);
        d.put("draft", false);
        d.put("extra", null);
        return d;
    }

    Map<String, Object> target(Admin.Target t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", dir.id(Kind.TARGET, t.name()));
        d.put("name", t.name());
        d.put("build_tag", dir.id(Kind.TAG, t.buildTag()));
        d.put("build_tag_name", t.buildTag());
        d.put("dest_tag", dir.id(Kind.TAG, t.destTag()));
        d.put("dest_tag_name", t.destTag());
        return d;
    }

    Map<String, Object> tag(Admin.Tag t) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", dir.id(Kind.TAG, t.name()));
        d.put("name", t.name());
        d.put("locked", Boolean.TRUE.equals(t.locked()));
        d.put("arches", t.arches() == null || t.arches().isEmpty() ? null : String.join(" ", t.arches()));
        d.put("perm_id", null);
        d.put("perm", null);
        d.put("maven_support", false);
        d.put("maven_include_all", false);
        d.put("extra", Map.of());
        return d;
    }

    Map<String, Object> user(Admin.User u, boolean groups) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", dir.id(Kind.USER, u.name()));
        d.put("name", u.name());
        d.put("status", 0);
        d.put("usertype", 0);
        d.put("krb_principal", null);
        d.put("krb_principals", List.of());
        if (groups) {
            d.put("groups", u.groups());
        }
        return d;
    }

    Map<String, Object> host(Admin.Host h) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", dir.id(Kind.HOST, h.name()));
        d.put("user_id", null);
        d.put("name", h.name());
        d.put("update_ts", KojiTime.ts(h.lastSeen()));
        d.put("update_time", KojiTime.text(h.lastSeen()));
        d.put("arches", h.arches() == null ? "" : String.join(" ", h.arches()));
        d.put("task_load", h.load() == null ? 0.0 : h.load());
        d.put("capacity", h.capacity());
        d.put("description", h.description());
        d.put("comment", null);
        d.put("ready", Boolean.TRUE.equals(h.ready()));
        d.put("enabled", Boolean.TRUE.equals(h.enabled()));
        return d;
    }

    Map<String, Object> channel(Admin.Channel c) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", dir.id(Kind.CHANNEL, c.name()));
        d.put("name", c.name());
        d.put("description", c.description());
        d.put("enabled", true);
        d.put("comment", null);
        return d;
    }

    Map<String, Object> tagPackage(Admin.TagPackage p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("package_id", packageId(p.name()));
        d.put("package_name", p.name());
        d.put("tag_id", dir.id(Kind.TAG, p.tag()));
        d.put("tag_name", p.tag());
        d.put("owner_id", dir.id(Kind.USER, p.owner()));
        d.put("owner_name", p.owner());
        d.put("blocked", Boolean.TRUE.equals(p.blocked()));
        d.put("extra_arches", null);
        return d;
    }

    /** Pull specs with the by-digest ones first (the stable references), each group in its given order. */
    static List<String> digestFirst(List<String> specs) {
        List<String> out = new ArrayList<>(specs);
        out.sort(Comparator.comparingInt(s -> s.contains("@sha256:") ? 0 : 1));
        return out;
    }

    private Long packageId(String name) {
        return dir.packageId(name);
    }

    private static void times(Map<String, Object> d, String prefix, Instant t) {
        d.put(prefix + "_time", KojiTime.text(t));
        d.put(prefix + "_ts", KojiTime.ts(t));
    }

    private static String hex(String digest) {
        return digest == null ? null : digest.substring(digest.indexOf(':') + 1);
    }
}
