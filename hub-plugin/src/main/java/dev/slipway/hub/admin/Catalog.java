package dev.slipway.hub.admin;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.naming.Names;
import dev.slipway.hub.persistence.ChannelEntity;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.GroupEntity;
import dev.slipway.hub.persistence.TagEntity;
import dev.slipway.hub.persistence.TagPackageEntity;
import dev.slipway.hub.persistence.TargetEntity;
import dev.slipway.hub.persistence.UserEntity;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;

/**
 * What builds go into: targets (build tag, destination tag), tags (arches, locked), the package lists of tags
 * (owner, blocked, allowed groups) and channels. Releng and admins edit targets, tags and package lists; only
 * admins edit channels.
 */
public final class Catalog {
    private final Database db;

    public Catalog(Database db) {
        this.db = db;
    }

    public List<Admin.Target> targets() {
        return db.tx(s -> s.createSelectionQuery("from TargetEntity order by name", TargetEntity.class)
                .getResultList().stream().map(t -> target(s, t)).toList());
    }

    public Admin.Target createTarget(Principal p, Admin.Target t) {
        p.require(p.isReleng(), "edit build targets (releng or admin)");
        Names.check("target", t.name());
        return db.tx(s -> {
            Lookup.requireAbsent(s, TargetEntity.class, "Build target", t.name());
            TargetEntity e = new TargetEntity();
            e.name = t.name();
            e.buildTagId = Lookup.tag(s, required(t.buildTag(), "build_tag")).id;
            e.destTagId = Lookup.tag(s, required(t.destTag(), "dest_tag")).id;
            s.persist(e);
            return target(s, e);
        });
    }

    public Admin.Target updateTarget(Principal p, String name, Admin.Target t) {
        p.require(p.isReleng(), "edit build targets (releng or admin)");
        return db.tx(s -> {
            TargetEntity e = Lookup.target(s, name);
            if (t.buildTag() != null) {
                e.buildTagId = Lookup.tag(s, t.buildTag()).id;
            }
            if (t.destTag() != null) {
                e.destTagId = Lookup.tag(s, t.destTag()).id;
            }
            return target(s, e);
        });
    }

    public List<Admin.Tag> tags() {
        return db.tx(s -> s.createSelectionQuery("from TagEntity order by name", TagEntity.class).getResultList()
                .stream().map(Catalog::tag).toList());
    }

    public Admin.Tag createTag(Principal p, Admin.Tag t) {
        p.require(p.isReleng(), "edit tags (releng or admin)");
        Names.check("tag", t.name());
        return db.tx(s -> {
            Lookup.requireAbsent(s, TagEntity.class, "Tag", t.name());
            TagEntity e = new TagEntity();
            e.name = t.name();
            e.arches = arches(t.arches() == null ? List.of() : t.arches());
            e.locked = Boolean.TRUE.equals(t.locked());
            s.persist(e);
            return tag(e);
        });
    }

    public Admin.Tag updateTag(Principal p, String name, Admin.Tag t) {
        p.require(p.isReleng(), "edit tags (releng or admin)");
        return db.tx(s -> {
            TagEntity e = Lookup.tag(s, name);
            if (t.arches() != null) {
                e.arches = arches(t.arches());
            }
            if (t.locked() != null) {
                p.require(p.isAdmin() || !e.locked, "unlock tag " + name + " (admin only)");
                e.locked = t.locked();
            }
            return tag(e);
        });
    }

    public List<Admin.TagPackage> packages(String tag) {
        return db.tx(s -> {
            TagEntity t = Lookup.tag(s, tag);
            return s.createSelectionQuery("from TagPackageEntity where tagId = :t order by packageName",
                    TagPackageEntity.class).setParameter("t", t.id).getResultList().stream()
                    .map(e -> pkg(s, t, e)).toList();
        });
    }

    /** Adds a package to a tag's list or changes its owner, blocked flag or allowed groups. */
    public Admin.TagPackage setPackage(Principal p, String tag, String name, Admin.TagPackage in) {
        p.require(p.isReleng(), "edit package lists (releng or admin)");
        Names.check("package", name);
        return db.tx(s -> {
            TagEntity t = Lookup.tag(s, tag);
            TagPackageEntity e = s.createSelectionQuery("from TagPackageEntity where tagId = :t and packageName = :n",
                    TagPackageEntity.class).setParameter("t", t.id).setParameter("n", name).getResultList().stream()
                    .findFirst().orElse(null);
            boolean created = e == null;
            if (created) {
                e = new TagPackageEntity();
                e.tagId = t.id;
                e.packageName = name;
                e.ownerId = Lookup.user(s, required(in.owner(), "owner")).id;
            } else if (in.owner() != null) {
                e.ownerId = Lookup.user(s, in.owner()).id;
            }
            if (in.blocked() != null) {
                e.blocked = in.blocked();
            }
            if (in.allowedGroups() != null) {
                e.groupIds.clear();
                for (String g : in.allowedGroups()) {
                    e.groupIds.add(Lookup.group(s, g).id);
                }
            }
            if (created) {
                s.persist(e);
            }
            return pkg(s, t, e);
        });
    }

    public List<Admin.Channel> channels() {
        return db.tx(s -> s.createSelectionQuery("from ChannelEntity order by name", ChannelEntity.class)
                .getResultList().stream().map(c -> new Admin.Channel(c.name, c.description)).toList());
    }

    public Admin.Channel createChannel(Principal p, Admin.Channel c) {
        p.require(p.isAdmin(), "create channels (admin only)");
        Names.check("channel", c.name());
        return db.tx(s -> {
            Lookup.requireAbsent(s, ChannelEntity.class, "Channel", c.name());
            ChannelEntity e = new ChannelEntity();
            e.name = c.name();
            e.description = c.description();
            s.persist(e);
            return new Admin.Channel(e.name, e.description);
        });
    }

    static String arches(List<String> arches) {
        arches.forEach(Names::arch);
        return String.join(" ", arches.stream().distinct().toList());
    }

    static List<String> archList(String arches) {
        return arches.isBlank() ? List.of() : Arrays.asList(arches.split(" "));
    }

    static String required(String value, String field) {
        if (value == null) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, field + " is required");
        }
        return value;
    }

    private static Admin.Target target(Session s, TargetEntity t) {
        return new Admin.Target(t.name, s.get(TagEntity.class, t.buildTagId).name,
                s.get(TagEntity.class, t.destTagId).name);
    }

    private static Admin.Tag tag(TagEntity t) {
        return new Admin.Tag(t.name, archList(t.arches), t.locked);
    }

    private static Admin.TagPackage pkg(Session s, TagEntity t, TagPackageEntity e) {
        List<String> groups = e.groupIds.stream().map(id -> s.get(GroupEntity.class, id).name).sorted().toList();
        return new Admin.TagPackage(t.name, e.packageName, s.get(UserEntity.class, e.ownerId).name, e.blocked, groups);
    }
}
