package dev.slipway.hub.console;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ImageMatch;
import dev.slipway.common.api.Page;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.build.BuildFilter;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.build.Evr;
import dev.slipway.hub.task.TaskService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/** Packages, a package, targets, tags, a tag, and search (kojiweb's packages, packageinfo, taginfo, search). */
public final class CatalogPages {
    private static final int SEARCH_LIMIT = 200;
    private final Catalog catalog;
    private final BuildQueries builds;
    private final TaskService tasks;
    private final KojiLinks links;
    private final Templates templates;

    /** A package across every tag's package list: who owns it where, and where it is blocked. */
    public record PackageRow(String name, List<String> owners, List<String> tags, List<String> blockedIn) {
    }

    /** The search form as given, and what it found. */
    public record SearchQuery(String q, String packageName, String olderThan) {
    }

    CatalogPages(Catalog catalog, BuildQueries builds, TaskService tasks, KojiLinks links, Templates templates) {
        this.catalog = catalog;
        this.builds = builds;
        this.tasks = tasks;
        this.links = links;
        this.templates = templates;
    }

    Rendered packages(Visitor v) {
        return templates.render("packages", v, "Packages", "packages", "packages", packageRows(null));
    }

    Rendered packageInfo(Visitor v, String name, Function<String, String> q) {
        List<PackageRow> rows = packageRows(name);
        List<Admin.TagPackage> entries = new ArrayList<>();
        for (Admin.Tag t : catalog.tags()) {
            catalog.packages(t.name()).stream().filter(p -> p.name().equals(name)).forEach(entries::add);
        }
        int offset = Templates.offset(q);
        Page<BuildInfo> page = builds.list(new BuildFilter(name, null, null, null, offset, Templates.PAGE_SIZE));
        if (rows.isEmpty() && page.total() == 0) {
            throw new SlipwayException(ErrorCode.NOT_FOUND, "No tag lists package " + name + " and it has no build");
        }
        return templates.render("package", v, "Package " + name, "packages", "name", name, "entries", entries,
                "page", page);
    }

    Rendered targets(Visitor v) {
        return templates.render("targets", v, "Build targets", "targets", "targets", catalog.targets());
    }

    Rendered tags(Visitor v) {
        return templates.render("tags", v, "Tags", "tags", "tags", catalog.tags());
    }

    Rendered tag(Visitor v, String name) {
        Admin.Tag tag = catalog.tags().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new SlipwayException(ErrorCode.NOT_FOUND, "Tag " + name + " does not exist"));
        List<Admin.Target> targets = catalog.targets().stream().filter(t -> name.equals(t.buildTag())
                || name.equals(t.destTag())).toList();
        return templates.render("tag", v, "Tag " + name, "tags", "tag", tag, "id", links.id(Directory.Kind.TAG, name),
                "packages", catalog.packages(name), "targets", targets);
    }

    /**
     * {@code q}: a {@code sha256:} digest (its build), a task id, or an NVR (its build, else the builds with that
     * prefix); {@code package} with an optional {@code older-than} [E:]V-R: the images containing it.
     */
    Rendered search(Visitor v, Function<String, String> params) {
        SearchQuery query = new SearchQuery(Templates.text(params, "q"), Templates.text(params, "package"),
                Templates.text(params, "older-than"));
        String message = null;
        if (query.q() != null) {
            Optional<String> found = find(query.q());
            if (found.isPresent()) {
                return Rendered.redirect(found.get());
            }
            message = "Nothing matches " + query.q() + ": not a build's digest, a task id or a build's NVR.";
        }
        List<ImageMatch> images = List.of();
        if (query.packageName() != null) {
            Evr older = query.olderThan() == null ? null : Evr.parse(query.olderThan());
            images = builds.imagesContaining(query.packageName(), older, BuildState.COMPLETE, SEARCH_LIMIT);
        }
        return templates.render("search", v, "Search", "search", "query", query, "images", images, "message",
                message);
    }

    private Optional<String> find(String q) {
        if (q.startsWith("sha256:")) {
            return builds.byDigest(q).map(id -> "/console/builds/" + id);
        }
        if (q.chars().allMatch(Character::isDigit) && q.length() < 19) {
            try {
                return Optional.of("/console/tasks/" + tasks.get(Long.parseLong(q)).id());
            } catch (SlipwayException e) {
                if (e.code() != ErrorCode.TASK_NOT_FOUND) {
                    throw e;
                }
                return Optional.empty();
            }
        }
        try {
            return Optional.of("/console/builds/" + builds.get(q).id());
        } catch (SlipwayException e) {
            if (e.code() != ErrorCode.BUILD_NOT_FOUND && e.code() != ErrorCode.INVALID_NVR) {
                throw e;
            }
        }
        Page<BuildInfo> prefixed = builds.list(new BuildFilter(null, null, null, null, q, 0, 1));
        return prefixed.total() == 0 ? Optional.empty() : Optional.of("/console/builds?nvr=" + Fmt.q(q));
    }

    private List<PackageRow> packageRows(String only) {
        Map<String, TreeSet<String>> owners = new TreeMap<>();
        Map<String, List<String>> tags = new TreeMap<>();
        Map<String, List<String>> blocked = new TreeMap<>();
        for (Admin.Tag t : catalog.tags()) {
            for (Admin.TagPackage p : catalog.packages(t.name())) {
                if (only != null && !only.equals(p.name())) {
                    continue;
                }
                owners.computeIfAbsent(p.name(), k -> new TreeSet<>()).add(p.owner());
                tags.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(t.name());
                if (Boolean.TRUE.equals(p.blocked())) {
                    blocked.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(t.name());
                }
            }
        }
        List<PackageRow> out = new ArrayList<>();
        owners.forEach((name, who) -> out.add(new PackageRow(name, List.copyOf(who), tags.get(name),
                blocked.getOrDefault(name, List.of()))));
        return out;
    }
}
