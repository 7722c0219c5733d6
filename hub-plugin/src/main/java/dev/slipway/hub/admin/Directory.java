package dev.slipway.hub.admin;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.persistence.ChannelEntity;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TagEntity;
import dev.slipway.hub.persistence.TagPackageEntity;
import dev.slipway.hub.persistence.TargetEntity;
import dev.slipway.hub.persistence.UserEntity;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The numeric ids of named things (users, hosts, channels, tags, targets, packages), for callers that speak in ids
 * like koji's XML-RPC API. Names and ids never change once created and nothing named is ever deleted, so answers
 * are cached for the life of the process. Blocks on a miss.
 */
public final class Directory {
    /** The kinds of named things. */
    public enum Kind {
        USER(UserEntity.class, ErrorCode.USER_NOT_FOUND, "User"),
        HOST(HostEntity.class, ErrorCode.HOST_NOT_FOUND, "Host"),
        CHANNEL(ChannelEntity.class, ErrorCode.CHANNEL_NOT_FOUND, "Channel"),
        TAG(TagEntity.class, ErrorCode.TAG_NOT_FOUND, "Tag"),
        TARGET(TargetEntity.class, ErrorCode.TARGET_NOT_FOUND, "Build target");

        private final Class<?> entity;
        private final ErrorCode missing;
        private final String what;

        Kind(Class<?> entity, ErrorCode missing, String what) {
            this.entity = entity;
            this.missing = missing;
            this.what = what;
        }
    }

    private final Database db;
    private final Map<String, Long> ids = new ConcurrentHashMap<>();
    private final Map<String, String> names = new ConcurrentHashMap<>();

    public Directory(Database db) {
        this.db = db;
    }

    /** The id of a named thing, or its NOT_FOUND code. */
    public long id(Kind kind, String name) {
        Long hit = ids.get(kind + "/" + name);
        if (hit != null) {
            return hit;
        }
        List<Long> found = db.tx(s -> s.createSelectionQuery("select e.id from " + kind.entity.getSimpleName()
                + " e where e.name = :n", Long.class).setParameter("n", name).getResultList());
        if (found.isEmpty()) {
            throw new SlipwayException(kind.missing, kind.what + " '" + name + "' does not exist");
        }
        remember(kind.name(), name, found.get(0));
        return found.get(0);
    }

    /** The name of the thing with this id, or its NOT_FOUND code. */
    public String name(Kind kind, long id) {
        String hit = names.get(kind + "/" + id);
        if (hit != null) {
            return hit;
        }
        List<String> found = db.tx(s -> s.createSelectionQuery("select e.name from " + kind.entity.getSimpleName()
                + " e where e.id = :i", String.class).setParameter("i", id).getResultList());
        if (found.isEmpty()) {
            throw new SlipwayException(kind.missing, kind.what + " " + id + " does not exist");
        }
        remember(kind.name(), found.get(0), id);
        return found.get(0);
    }

    /** A package's id: that of its first entry in any tag's package list. */
    public long packageId(String name) {
        Long hit = ids.get("PACKAGE/" + name);
        if (hit != null) {
            return hit;
        }
        Long found = db.tx(s -> s.createSelectionQuery("select min(p.id) from TagPackageEntity p"
                + " where p.packageName = :n", Long.class).setParameter("n", name).getSingleResult());
        if (found == null) {
            throw new SlipwayException(ErrorCode.NOT_FOUND, "Package '" + name + "' is in no tag's package list");
        }
        remember("PACKAGE", name, found);
        return found;
    }

    /** The package name of a package id (see {@link #packageId}). */
    public String packageName(long id) {
        String hit = names.get("PACKAGE/" + id);
        if (hit != null) {
            return hit;
        }
        TagPackageEntity p = db.tx(s -> s.get(TagPackageEntity.class, id));
        if (p == null || packageId(p.packageName) != id) {
            throw new SlipwayException(ErrorCode.NOT_FOUND, "Package " + id + " does not exist");
        }
        remember("PACKAGE", p.packageName, id);
        return p.packageName;
    }

    private void remember(String kind, String name, long id) {
        if (ids.size() > 100_000) {
            ids.clear();
            names.clear();
        }
        ids.put(kind + "/" + name, id);
        names.put(kind + "/" + id, name);
    }
}
