package dev.slipway.hub.task;

import dev.slipway.common.api.BuildContainerRequest;
import dev.slipway.common.api.BuildOpts;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ParentBuild;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.source.ScmAllowList;
import dev.slipway.common.source.SourceSpec;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.naming.Names;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.ChannelEntity;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TagEntity;
import dev.slipway.hub.persistence.TagPackageEntity;
import dev.slipway.hub.persistence.TargetEntity;
import dev.slipway.hub.persistence.TaskEntity;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Turns a {@code buildContainer} call into a FREE task after the hub's policy checks, all inside the caller's
 * transaction so a refusal changes nothing: source and opts, target, package list, permission, NVR, priority.
 */
final class Submission {
    static final String METHOD = "buildContainer";
    private final HubConfig.Tasks defaults;
    private final ScmAllowList scms;
    private final OptsValidator opts = new OptsValidator();
    private final TaskView view;
    private final ParentBuilds parents;
    private volatile Long channelId;

    Submission(HubConfig.Tasks defaults, ScmAllowList scms, TaskView view) {
        this.defaults = defaults;
        this.scms = scms;
        this.view = view;
        this.parents = new ParentBuilds(view);
    }

    /** Checks what needs no database (source, opts, priority); throws on the first problem. */
    SourceSpec precheck(Principal p, BuildContainerRequest req) {
        p.require(p.mayBuild(), "submit builds (needs the packager, releng or admin role)");
        SourceSpec src = SourceSpec.parse(req.src());
        Names.component(src);
        scms.check(src.repository());
        Names.check("target", req.target());
        opts.check(req.opts());
        int priority = priority(req);
        if (priority < defaults.defaultPriority() && !p.isAdmin()) {
            throw new SlipwayException(ErrorCode.PRIORITY_NOT_ALLOWED, "Priority " + priority
                    + " is below the default " + defaults.defaultPriority() + "; only admins may raise priority");
        }
        return src;
    }

    /** Creates the task row; the caller has run {@link #precheck}. */
    TaskEntity create(Session s, Principal p, BuildContainerRequest req, SourceSpec src, Instant now) {
        BuildOpts o = req.opts();
        TargetEntity target = one(s.createSelectionQuery("from TargetEntity where name = :n", TargetEntity.class)
                .setParameter("n", req.target()).getResultList(), ErrorCode.TARGET_NOT_FOUND,
                "Build target '" + req.target() + "' does not exist");
        TagEntity dest = s.get(TagEntity.class, target.destTagId);
        TagEntity buildTag = s.get(TagEntity.class, target.buildTagId);
        TagPackageEntity pkg = one(s.createSelectionQuery(
                "from TagPackageEntity where tagId = :t and packageName = :n", TagPackageEntity.class)
                .setParameter("t", dest.id).setParameter("n", src.component()).getResultList(),
                ErrorCode.PACKAGE_NOT_IN_TAG, "Package (container) " + src.component() + " is not in the list for tag "
                        + dest.name);
        if (pkg.blocked) {
            throw new SlipwayException(ErrorCode.PACKAGE_BLOCKED,
                    "Package " + src.component() + " is blocked in tag " + dest.name);
        }
        if (!o.isScratch()) {
            checkReleaseBuild(s, p, o, src, dest, pkg);
        }
        if (channelId == null) {
            // Channels are never deleted, so the id can be remembered once found.
            channelId = one(s.createSelectionQuery("from ChannelEntity where name = :n", ChannelEntity.class)
                    .setParameter("n", defaults.channel()).getResultList(), ErrorCode.CHANNEL_NOT_FOUND,
                    "The hub's build channel '" + defaults.channel() + "' does not exist").id;
        }
        List<String> tagArches = Arrays.asList(buildTag.arches.split(" "));
        for (String arch : OptsValidator.arches(o)) {
            if (!tagArches.contains(arch)) {
                throw new SlipwayException(ErrorCode.BAD_OPTS, "Invalid opts: arch_override names " + arch
                        + ", which build tag " + buildTag.name + " does not build for " + tagArches);
            }
        }
        checkArchesSchedulable(s, OptsValidator.arches(o));
        ParentBuild parent = o.kojiParentBuild() == null ? null : parents.resolve(s, o.kojiParentBuild());
        TaskEntity t = new TaskEntity();
        t.method = METHOD;
        t.state = TaskState.FREE;
        t.ownerId = p.id();
        t.channelId = channelId;
        List<String> arches = OptsValidator.arches(o);
        t.arch = arches.size() == 1 ? arches.get(0) : "noarch";
        t.priority = priority(req);
        t.weight = defaults.weight();
        t.targetId = target.id;
        t.component = src.component();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("src", req.src());
        params.put("target", req.target());
        params.put("opts", o);
        if (parent != null) {
            params.put(ParentBuilds.KEY, parent);
        }
        t.request = view.write(params);
        t.created = now;
        s.persist(t);
        return t;
    }

    /**
     * A task carries one arch and goes to a host of that arch, so a multi-arch override would never run as asked,
     * and an arch no host of the channel has would stay FREE forever. Refuse both at once. Hosts registered but
     * disabled or offline still count: they may come back, and the task then waits in the queue for them.
     */
    private void checkArchesSchedulable(Session s, List<String> arches) {
        if (arches.size() > 1) {
            throw new SlipwayException(ErrorCode.MULTI_ARCH_UNSUPPORTED, "arch_override names " + arches
                    + ": a build task builds one arch on one host of that arch, and multi-arch (manifest list)"
                    + " builds are not supported; submit one build per arch");
        }
        if (arches.isEmpty()) {
            return;
        }
        Set<String> known = new TreeSet<>();
        for (HostEntity h : s.createSelectionQuery("select h from HostEntity h join h.channelIds c where c = :c",
                HostEntity.class).setParameter("c", channelId).getResultList()) {
            known.addAll(Arrays.asList(h.arches.trim().split("\\s+")));
        }
        known.remove("");
        if (!known.contains(arches.get(0))) {
            throw new SlipwayException(ErrorCode.ARCH_NO_HOST, "arch_override " + arches.get(0) + " cannot be built:"
                    + " no host of channel '" + defaults.channel() + "' has ever been registered with that arch"
                    + " (known arches: " + (known.isEmpty() ? "none" : String.join(" ", known)) + "); add such a"
                    + " host, then submit again");
        }
    }

    private void checkReleaseBuild(Session s, Principal p, BuildOpts o, SourceSpec src, TagEntity dest,
            TagPackageEntity pkg) {
        if (dest.locked && !p.isAdmin()) {
            throw new SlipwayException(ErrorCode.TAG_LOCKED,
                    "Destination tag " + dest.name + " is locked; only scratch builds or admins may build into it");
        }
        boolean allowed = p.isReleng() || pkg.ownerId == p.id()
                || !Collections.disjoint(pkg.groupIds, p.groupIds());
        p.require(allowed, "build " + src.component() + " into " + dest.name
                + " (not its owner nor in an allowed group; scratch builds are open to every packager)");
        if (o.release() != null) {
            // Only the name and release are known before the Dockerfile is read: check them against the version
            // the package was last built at. The NVR reservation at build time is the authoritative check.
            List<BuildEntity> latest = s.createSelectionQuery(
                    "from BuildEntity where name = :n and state = :c order by id desc", BuildEntity.class)
                    .setParameter("n", src.component()).setParameter("c", BuildState.COMPLETE)
                    .setMaxResults(1).getResultList();
            if (!latest.isEmpty()) {
                String version = latest.get(0).version;
                Long same = s.createSelectionQuery("select count(*) from BuildEntity where name = :n and version = :v"
                        + " and release = :r and state in (:done)", Long.class)
                        .setParameter("n", src.component()).setParameter("v", version).setParameter("r", o.release())
                        .setParameterList("done", List.of(BuildState.COMPLETE, BuildState.DELETED))
                        .getSingleResult();
                if (same > 0) {
                    throw new SlipwayException(ErrorCode.NVR_EXISTS, "Build " + src.component() + "-" + version + "-"
                            + o.release() + " already exists; choose another release");
                }
            }
        }
    }

    private int priority(BuildContainerRequest req) {
        int priority = req.priority() == null ? defaults.defaultPriority() : req.priority();
        if (priority < 0 || priority > 1000) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "priority must be between 0 and 1000");
        }
        return priority;
    }

    static <T> T one(List<T> rows, ErrorCode missing, String message) {
        if (rows.isEmpty()) {
            throw new SlipwayException(missing, message);
        }
        return rows.get(0);
    }
}
