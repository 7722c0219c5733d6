package dev.slipway.hub.koji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.Admin;
import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ImageInfo;
import dev.slipway.common.api.LayerSize;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.json.Json;
import dev.slipway.hub.admin.Directory.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each record's koji dict: every field the koji client reads, ids from the directory, nil never absent. */
class KojiMapsTest {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Map<String, Long> IDS = Map.of("USER/alice", 7L, "CHANNEL/container", 2L,
            "HOST/builder1", 3L, "TAG/f40-build", 11L, "TAG/f40-candidate", 12L, "TARGET/f40-container", 5L);
    private final KojiMaps maps = new KojiMaps(new KojiIds() {
        @Override
        public long id(Kind kind, String name) {
            return IDS.get(kind + "/" + name);
        }

        @Override
        public Long packageId(String name) {
            return name.equals("foo") ? 21L : null;
        }
    }, JSON);
    private final Instant created = Instant.parse("2026-12-02T03:44:49.260218Z");

    private TaskInfo task(TaskState state, String host) throws Exception {
        JsonNode params = JSON.readTree("{\"src\":\"git://x/foo#" + "a".repeat(40) + "\",\"target\":\"f40-container\","
                + "\"opts\":{\"git_branch\":\"f40\",\"scratch\":null,\"yum_repourls\":[]}}");
        return new TaskInfo(9, "buildContainer", params, state, "alice", "container", host, "x86_64", 20, 2.0,
                created, null, null, null, null, null, null);
    }

    @Test
    void task_hasEveryFieldTheClientReads_withKojiStateNumbersAndIds() throws Exception {
        Map<String, Object> d = maps.task(task(TaskState.ASSIGNED, "builder1"), true);
        for (String f : List.of("id", "state", "host_id", "method", "arch", "request", "owner", "create_ts",
                "start_ts", "completion_ts", "priority", "parent", "channel_id", "weight", "label")) {
            assertTrue(d.containsKey(f), f);
        }
        assertEquals(4, d.get("state"));
        assertEquals(3L, d.get("host_id"));
        assertEquals(7L, d.get("owner"));
        assertEquals(2L, d.get("channel_id"));
        assertEquals("2026-12-02 03:44:49.260218+00:00", d.get("create_time"));
        assertNull(d.get("start_ts"));
        assertNull(d.get("parent"));
        List<?> request = (List<?>) d.get("request");
        assertEquals("f40-container", request.get(1));
        assertEquals("{\"git_branch\":\"f40\"}", request.get(2).toString());
        assertFalse(maps.task(task(TaskState.FREE, null), false).containsKey("request"));
        assertNull(maps.task(task(TaskState.FREE, null), false).get("host_id"));
    }

    @Test
    void taskStates_mapBothWays() {
        int[] koji = {0, 4, 1, 2, 5, 3};
        TaskState[] ours = {TaskState.FREE, TaskState.ASSIGNED, TaskState.OPEN, TaskState.CLOSED, TaskState.FAILED,
                TaskState.CANCELED};
        for (int i = 0; i < koji.length; i++) {
            assertEquals(koji[i], KojiMaps.taskState(ours[i]));
            assertEquals(ours[i], KojiMaps.taskState(koji[i]));
        }
    }

    @Test
    void listedTask_addsOwnerName_andUndecodedRequestIsXmlRpc() throws Exception {
        Map<String, Object> d = maps.listedTask(task(TaskState.FREE, null), false);
        assertEquals("alice", d.get("owner_name"));
        assertTrue(((String) d.get("request")).contains("<methodName>buildContainer</methodName>"));
    }

    private BuildInfo build() throws Exception {
        ImageInfo image = new ImageInfo(31, "x86_64", "sha256:" + "d".repeat(64), "application/vnd.oci.image.manifest.v1+json",
                "sha256:" + "c".repeat(64), "sha256:" + "p".repeat(64),
                List.of("reg/foo:1.0-1", "reg/foo@sha256:" + "d".repeat(64)), List.of("1.0-1", "latest"),
                Map.of(), List.of(new LayerSize("sha256:1", "sha256:2", 100L, 300L)), 2);
        ArchiveInfo tarball = new ArchiveInfo("docker-image-ccc.x86_64.tar.gz", "images/x", "docker-image", "x86_64",
                1234L, "abc", "md5");
        return new BuildInfo(41, "foo-1.0-1", "foo", "1.0", "1", BuildState.COMPLETE, "alice", 9L, "git://x/foo#a",
                "f40-container", created, created.plusSeconds(60), List.of("f40-candidate"), List.of(image),
                List.of(tarball), List.of(), "/srv/mirror", JSON.readTree("{\"image\":{\"isolated\":false}}"));
    }

    @Test
    void build_hasKojiFields_andExtraImageTaskIdTypeinfo() throws Exception {
        Map<String, Object> d = maps.build(build());
        for (String f : List.of("id", "name", "version", "release", "epoch", "state", "draft", "owner_name",
                "owner_id", "source", "volume_name", "creation_ts", "start_ts", "completion_ts", "promotion_ts",
                "extra", "cg_name", "task_id", "nvr", "package_id")) {
            assertTrue(d.containsKey(f), f);
        }
        assertEquals(1, d.get("state"));
        assertEquals(21L, d.get("package_id"));
        assertEquals(7L, d.get("owner_id"));
        JsonNode extra = (JsonNode) d.get("extra");
        assertEquals(9, extra.get("container_koji_task_id").asInt());
        assertFalse(extra.at("/typeinfo/image/isolated").asBoolean(true));
        assertFalse(extra.at("/image/isolated").asBoolean(true));
    }

    @Test
    void archive_isAnImageArchiveWithDockerFacts_digestPullSpecsFirst() throws Exception {
        Map<String, Object> a = maps.archives(build()).get(0);
        assertEquals(31L, a.get("id"));
        assertEquals("image", a.get("btype"));
        assertEquals("docker-image-ccc.x86_64.tar.gz", a.get("filename"));
        assertEquals(1234L, a.get("size"));
        assertEquals(0, a.get("checksum_type"));
        Map<?, ?> docker = (Map<?, ?>) ((Map<?, ?>) a.get("extra")).get("docker");
        assertEquals("reg/foo@sha256:" + "d".repeat(64), ((List<?>) docker.get("repositories")).get(0));
        assertEquals("sha256:" + "p".repeat(64), docker.get("parent_id"));
        assertEquals(Map.of("application/vnd.oci.image.manifest.v1+json", "sha256:" + "d".repeat(64)),
                docker.get("digests"));
        assertEquals(100L, ((Map<?, ?>) ((List<?>) docker.get("layer_sizes")).get(0)).get("size"));
        assertTrue(docker.containsKey("config"));
    }

    @Test
    void rpm_isAKojiRpmDict() {
        Map<String, Object> r = maps.rpm(new RpmComponent("rpm", "openssl", 1, "3.0.8", "1.fc40", "x86_64", "abcd",
                null, 5L, 1700000000L, "ASL", "Fedora", "openssl-3.0.8-1.fc40.src.rpm", null));
        assertEquals("openssl", r.get("name"));
        assertEquals(1, r.get("epoch"));
        assertEquals("abcd", r.get("payloadhash"));
        assertEquals(1700000000L, r.get("buildtime"));
        assertEquals("openssl-3.0.8-1.fc40", r.get("nvr"));
    }

    @Test
    void catalogRecords_targetTagUserHostChannelPackage() {
        Map<String, Object> t = maps.target(new Admin.Target("f40-container", "f40-build", "f40-candidate"));
        assertEquals(Map.of("id", 5L, "name", "f40-container", "build_tag", 11L, "build_tag_name", "f40-build",
                "dest_tag", 12L, "dest_tag_name", "f40-candidate"), t);
        Map<String, Object> tag = maps.tag(new Admin.Tag("f40-candidate", List.of("x86_64", "aarch64"), true));
        assertEquals(true, tag.get("locked"));
        assertEquals("x86_64 aarch64", tag.get("arches"));
        assertTrue(tag.containsKey("perm_id") && tag.containsKey("maven_support"));
        Map<String, Object> u = maps.user(new Admin.User("alice", List.of("packager"), List.of("team")), true);
        assertEquals(7L, u.get("id"));
        assertEquals(List.of(), u.get("krb_principals"));
        assertEquals(List.of("team"), u.get("groups"));
        Map<String, Object> h = maps.host(new Admin.Host("builder1", List.of("x86_64"), List.of("container"), 10.0,
                2.0, true, true, null, null));
        assertEquals(3L, h.get("id"));
        assertEquals("x86_64", h.get("arches"));
        assertEquals(2.0, h.get("task_load"));
        assertEquals(2L, maps.channel(new Admin.Channel("container", "builds")).get("id"));
        Map<String, Object> p = maps.tagPackage(new Admin.TagPackage("f40-candidate", "foo", "alice", false, null));
        assertEquals(21L, p.get("package_id"));
        assertEquals(12L, p.get("tag_id"));
    }
}
