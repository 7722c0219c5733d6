package dev.slipway.hub.koji;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Directory.Kind;
import dev.slipway.hub.admin.Hosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog methods: build targets, tags, package lists, hosts, channels and users, over {@link Catalog},
 * {@link Hosts} and {@link Accounts}; things are named by id or name as koji allows.
 */
final class CatalogCalls {
    private final Catalog catalog;
    private final Hosts hosts;
    private final Accounts accounts;
    private final Directory dir;
    private final KojiMaps maps;

    CatalogCalls(Catalog catalog, Hosts hosts, Accounts accounts, Directory dir, KojiMaps maps) {
        this.catalog = catalog;
        this.hosts = hosts;
        this.accounts = accounts;
        this.dir = dir;
        this.maps = maps;
    }

    /** getBuildTarget(info, event=None, strict=False). */
    Object getBuildTarget(Caller c, Args a) {
        a.unsupported("event");
        return Lookups.orNone(a.flag("strict"), () -> {
            String name = Lookups.name(dir, Kind.TARGET, a.raw("info"));
            return maps.target(catalog.targets().stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new SlipwayException(ErrorCode.TARGET_NOT_FOUND, "No such build target: "
                            + name)));
        });
    }

    /** listBuildTargets(info=None, event=None, buildTagID=None, destTagID=None, queryOpts=None). */
    Object listBuildTargets(Caller c, Args a) {
        a.unsupported("event");
        QueryOpts q = QueryOpts.of("listBuildTargets", a.struct("queryOpts"));
        String name = a.raw("info") == null ? null : Lookups.name(dir, Kind.TARGET, a.raw("info"));
        String build = a.raw("buildTagID") == null ? null : Lookups.name(dir, Kind.TAG, a.raw("buildTagID"));
        String dest = a.raw("destTagID") == null ? null : Lookups.name(dir, Kind.TAG, a.raw("destTagID"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Admin.Target t : catalog.targets()) {
            if ((name == null || name.equals(t.name())) && (build == null || build.equals(t.buildTag()))
                    && (dest == null || dest.equals(t.destTag()))) {
                rows.add(maps.target(t));
            }
        }
        return q.apply(rows, "name");
    }

    /** getTag(tagInfo, strict=False, event=None, blocked=False). */
    Object getTag(Caller c, Args a) {
        a.unsupported("event");
        return Lookups.orNone(a.flag("strict"), () -> {
            String name = Lookups.name(dir, Kind.TAG, a.raw("tagInfo"));
            return maps.tag(catalog.tags().stream().filter(t -> t.name().equals(name)).findFirst()
                    .orElseThrow(() -> new SlipwayException(ErrorCode.TAG_NOT_FOUND, "No such tag: " + name)));
        });
    }

    /** listPackages(tagID=None, userID=None, pkgID=None, prefix=None, inherited=False, ...). */
    Object listPackages(Caller c, Args a) {
        a.unsupported("event", "prefix");
        QueryOpts q = QueryOpts.of("listPackages", a.struct("queryOpts"));
        String owner = a.raw("userID") == null ? null : Lookups.name(dir, Kind.USER, a.raw("userID"));
        Long pkg = a.raw("pkgID") == null ? null : packageId(a.raw("pkgID"));
        boolean withBlocked = a.raw("with_blocked") == null || a.flag("with_blocked");
        List<String> tags = a.raw("tagID") != null ? List.of(Lookups.name(dir, Kind.TAG, a.raw("tagID")))
                : catalog.tags().stream().map(Admin.Tag::name).toList();
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<Object, Boolean> seen = new LinkedHashMap<>();
        for (String tag : tags) {
            for (Admin.TagPackage p : catalog.packages(tag)) {
                Map<String, Object> row = maps.tagPackage(p);
                if ((owner != null && !owner.equals(p.owner())) || (pkg != null && !pkg.equals(row.get("package_id")))
                        || (!withBlocked && Boolean.TRUE.equals(p.blocked()))) {
                    continue;
                }
                if (a.raw("tagID") == null && !a.flag("with_dups") && seen.put(p.name(), true) != null) {
                    continue;
                }
                rows.add(row);
            }
        }
        return q.apply(rows, "package_name");
    }

    /** getHost(hostInfo, strict=False, event=None). */
    Object getHost(Caller c, Args a) {
        a.unsupported("event");
        return Lookups.orNone(a.flag("strict"), () -> maps.host(hosts.get(Lookups.name(dir, Kind.HOST,
                a.raw("hostInfo")))));
    }

    /** listHosts(arches=None, channelID=None, ready=None, enabled=None, userID=None, queryOpts=None). */
    Object listHosts(Caller c, Args a) {
        a.unsupported("userID");
        QueryOpts q = QueryOpts.of("listHosts", a.struct("queryOpts"));
        List<Object> arches = a.list("arches");
        String channel = a.raw("channelID") == null ? null : Lookups.name(dir, Kind.CHANNEL, a.raw("channelID"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Admin.Host h : hosts.list()) {
            if (arches != null && h.arches().stream().noneMatch(arches::contains)
                    || channel != null && !h.channels().contains(channel)
                    || a.raw("ready") != null && a.flag("ready") != Boolean.TRUE.equals(h.ready())
                    || a.raw("enabled") != null && a.flag("enabled") != Boolean.TRUE.equals(h.enabled())) {
                continue;
            }
            rows.add(maps.host(h));
        }
        return q.apply(rows, "name");
    }

    /** getChannel(channelInfo, strict=False). */
    Object getChannel(Caller c, Args a) {
        return Lookups.orNone(a.flag("strict"), () -> {
            String name = Lookups.name(dir, Kind.CHANNEL, a.raw("channelInfo"));
            return maps.channel(catalog.channels().stream().filter(ch -> ch.name().equals(name)).findFirst()
                    .orElseThrow(() -> new SlipwayException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel: "
                            + name)));
        });
    }

    /** listChannels(hostID=None, event=None, enabled=None). */
    Object listChannels(Caller c, Args a) {
        a.unsupported("event");
        List<String> only = a.raw("hostID") == null ? null
                : hosts.get(Lookups.name(dir, Kind.HOST, a.raw("hostID"))).channels();
        List<Map<String, Object>> rows = new ArrayList<>();
        if (a.raw("enabled") != null && !a.flag("enabled")) {
            return rows;
        }
        for (Admin.Channel ch : catalog.channels()) {
            if (only == null || only.contains(ch.name())) {
                rows.add(maps.channel(ch));
            }
        }
        return rows;
    }

    /** getUser(userInfo=None, strict=False, krb_princs=True, groups=False); no userInfo: the caller. */
    Object getUser(Caller c, Args a) {
        Object info = a.raw("userInfo");
        if (info == null) {
            if (!c.principal().isUser()) {
                return null;
            }
            info = c.principal().name();
        }
        Object user = info;
        return Lookups.orNone(a.flag("strict"), () -> maps.user(accounts.user(Lookups.name(dir, Kind.USER, user)),
                a.flag("groups")));
    }

    /** getLoggedInUser(): the caller's user dict, None when anonymous. */
    Object getLoggedInUser(Caller c, Args a) {
        if (!c.principal().isUser()) {
            return null;
        }
        return maps.user(accounts.user(c.principal().name()), false);
    }

    private Long packageId(Object info) {
        if (info instanceof Integer || info instanceof Long) {
            dir.packageName(((Number) info).longValue());
            return ((Number) info).longValue();
        }
        if (info instanceof String s) {
            return dir.packageId(s);
        }
        throw KojiFault.parameter("Invalid package info: " + KojiValues.typeName(info));
    }
}
