package dev.slipway.hub.koji;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Directory.Kind;
import dev.slipway.hub.build.BuildFilter;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.task.TaskService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The build methods: getBuild, listBuilds, listArchives, listRPMs, listTags, listBuildroots and the maven and
 * windows lookups (always None: every Slipway build is an image build), over {@link BuildQueries}.
 */
final class BuildCalls {
    /** How many builds listBuilds reads before sorting and paging them in memory. */
    static final int LIST_WINDOW = 1000;
    private final BuildQueries builds;
    private final TaskService tasks;
    private final Catalog catalog;
    private final Directory dir;
    private final KojiMaps maps;

    BuildCalls(BuildQueries builds, TaskService tasks, Catalog catalog, Directory dir, KojiMaps maps) {
        this.builds = builds;
        this.tasks = tasks;
        this.catalog = catalog;
        this.dir = dir;
        this.maps = maps;
    }

    /** getBuild(buildInfo, strict=False): by id, NVR or a dict with either. */
    Object getBuild(Caller c, Args a) {
        return Lookups.orNone(a.flag("strict"), () -> maps.build(find(a.raw("buildInfo"))));
    }

    /** getMavenBuild / getWinBuild (buildInfo, strict=False): None, Slipway builds only images. */
    Object none(Caller c, Args a) {
        if (a.flag("strict")) {
            find(a.raw("buildInfo"));
        }
        return null;
    }

    /** listBuilds(packageID, userID, taskID, prefix, state, ..., type, ..., queryOpts, ...). */
    Object listBuilds(Caller c, Args a) {
        a.unsupported("prefix", "volumeID", "source", "createdBefore", "createdAfter", "completeBefore",
                "completeAfter", "typeInfo", "pattern", "cgID", "draft");
        QueryOpts q = QueryOpts.of("listBuilds", a.struct("queryOpts"));
        String type = a.text("type");
        List<BuildInfo> found;
        if (type != null && !type.equals("image")) {
            found = List.of();
        } else if (a.raw("taskID") != null) {
            TaskInfo t = tasks.get(a.requiredNumber("taskID"));
            found = t.buildId() == null ? List.of() : List.of(builds.get(String.valueOf(t.buildId())));
            found = found.stream().filter(b -> matches(a, b)).toList();
        } else {
            String pkg = a.raw("packageID") == null ? null : packageName(a.raw("packageID"));
            String owner = a.raw("userID") == null ? null : Lookups.name(dir, Kind.USER, a.raw("userID"));
            BuildState state = a.number("state") == null ? null : buildState(a.number("state"));
            found = builds.list(new BuildFilter(pkg, state, owner, null, 0, LIST_WINDOW)).items();
        }
        if (q.countOnly()) {
            return found.size();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BuildInfo b : found) {
            rows.add(maps.build(b));
        }
        return q.apply(rows, "-build_id");
    }

    /** listArchives(buildID=..., type=...): the build's image archives. */
    Object listArchives(Caller c, Args a) {
        a.unsupported("buildrootID", "componentBuildrootID", "hostID", "filename", "size", "checksum",
                "checksum_type", "typeInfo", "imageID", "archiveID");
        QueryOpts q = QueryOpts.of("listArchives", a.struct("queryOpts"));
        if (a.raw("buildID") == null) {
            throw KojiFault.parameter("listArchives: this hub lists archives by buildID");
        }
        String type = a.text("type");
        if (type != null && !type.equals("image")) {
            return List.of();
        }
        BuildInfo b = builds.get(String.valueOf(a.requiredNumber("buildID")));
        return q.apply(maps.archives(b), "id");
    }

    /** listRPMs(buildID, buildrootID, imageID, ...): an image's packages by imageID; builds have none. */
    Object listRPMs(Caller c, Args a) {
        a.unsupported("buildrootID", "componentBuildrootID", "hostID", "draft");
        QueryOpts q = QueryOpts.of("listRPMs", a.struct("queryOpts"));
        if (a.raw("imageID") != null) {
            List<Object> arches = a.list("arches");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (RpmComponent r : builds.rpms(a.requiredNumber("imageID"))) {
                if (arches == null || arches.contains(r.arch())) {
                    rows.add(maps.rpm(r));
                }
            }
            return q.apply(rows, "name");
        }
        if (a.raw("buildID") != null) {
            builds.get(String.valueOf(a.requiredNumber("buildID")));
            return List.of();
        }
        throw KojiFault.parameter("listRPMs: this hub lists RPMs by imageID (or buildID, which has none)");
    }

    /** listBuildroots(...): Slipway keeps no buildroot records. */
    Object listBuildroots(Caller c, Args a) {
        if (a.raw("taskID") != null) {
            tasks.get(a.requiredNumber("taskID"));
        }
        return List.of();
    }

    /** listTags(build=None, package=None, perms=True, queryOpts=None, pattern=None). */
    Object listTags(Caller c, Args a) {
        a.unsupported("pattern");
        QueryOpts q = QueryOpts.of("listTags", a.struct("queryOpts"));
        Set<String> only = null;
        if (a.raw("build") != null) {
            only = Set.copyOf(find(a.raw("build")).kojiTags());
        }
        String pkg = a.raw("package") == null ? null : packageName(a.raw("package"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Admin.Tag t : catalog.tags()) {
            if (only != null && !only.contains(t.name())) {
                continue;
            }
            if (pkg != null && catalog.packages(t.name()).stream().noneMatch(p -> p.name().equals(pkg))) {
                continue;
            }
            rows.add(maps.tag(t));
        }
        return q.apply(rows, "name");
    }

    BuildInfo find(Object info) {
        if (info instanceof Integer || info instanceof Long) {
            return builds.get(String.valueOf(info));
        }
        if (info instanceof String s) {
            return builds.get(s);
        }
        if (info instanceof Map<?, ?> m) {
            Object id = m.get("id") != null ? m.get("id") : m.get("build_id");
            if (id != null) {
                return find(id);
            }
            if (m.get("name") != null && m.get("version") != null && m.get("release") != null) {
                return builds.get(m.get("name") + "-" + m.get("version") + "-" + m.get("release"));
            }
        }
        throw KojiFault.parameter("Invalid build info: " + KojiValues.typeName(info)
                + " (give a build id, an NVR or a dict with id or name, version and release)");
    }

    private String packageName(Object info) {
        if (info instanceof Integer || info instanceof Long) {
            return dir.packageName(((Number) info).longValue());
        }
        if (info instanceof String s) {
            return s;
        }
        throw KojiFault.parameter("Invalid package info: " + KojiValues.typeName(info));
    }

    private boolean matches(Args a, BuildInfo b) {
        if (a.raw("packageID") != null && !packageName(a.raw("packageID")).equals(b.name())) {
            return false;
        }
        if (a.raw("userID") != null && !Lookups.name(dir, Kind.USER, a.raw("userID")).equals(b.owner())) {
            return false;
        }
        return a.number("state") == null || buildState(a.number("state")) == b.state();
    }

    private static BuildState buildState(long koji) {
        if (koji < 0 || koji >= BuildState.values().length) {
            throw KojiFault.parameter("Unknown build state " + koji + "; states are 0 to 4");
        }
        return BuildState.values()[(int) koji];
    }
}
