package dev.slipway.hub.console;

import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ImageInfo;
import dev.slipway.common.api.Page;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import dev.slipway.hub.build.BuildFilter;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.publication.Publication;
import dev.slipway.hub.publication.Publications;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** The build list and the build page (kojiweb's builds and buildinfo), from the same services as the API. */
public final class BuildPages {
    private final BuildQueries builds;
    private final Publications publications;
    private final boolean lookaside;
    private final CommitLinks commits;
    private final Templates templates;

    /** One image of a build page with its components (all of them, and the rows the table shows). */
    public record ImageView(ImageInfo image, List<String> digestPullSpecs, List<RpmComponent> rpms,
            List<RpmComponent> shown) {
    }

    /** A publication with the lookaside path of its first signature (null when the hub serves no lookaside). */
    public record PublicationView(Publication publication, String signaturePath) {
    }

    /** The filters of the build list. */
    public record BuildQuery(String nvr, String packageName, String state, String owner, String target, int offset) {
        public String at(int otherOffset) {
            return Templates.query(otherOffset, "nvr", nvr, "package", packageName, "state", state, "owner", owner,
                    "target", target);
        }
    }

    BuildPages(BuildQueries builds, Publications publications, boolean lookaside, CommitLinks commits,
            Templates templates) {
        this.builds = builds;
        this.publications = publications;
        this.lookaside = lookaside;
        this.commits = commits;
        this.templates = templates;
    }

    Rendered builds(Visitor v, Function<String, String> q) {
        BuildQuery query = new BuildQuery(Templates.text(q, "nvr"), Templates.text(q, "package"),
                Templates.text(q, "state"), Templates.text(q, "owner"), Templates.text(q, "target"),
                Templates.offset(q));
        BuildState state;
        try {
            state = query.state() == null ? null : BuildState.valueOf(query.state().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "state must be one of "
                    + Arrays.toString(BuildState.values()));
        }
        Page<BuildInfo> page = builds.list(new BuildFilter(query.packageName(), state, query.owner(),
                query.target(), query.nvr(), query.offset(), Templates.PAGE_SIZE));
        return templates.render("builds", v, "Builds", "builds", "page", page, "query", query, "states",
                BuildState.values());
    }

    Rendered build(Visitor v, String idOrNvr, Function<String, String> q) {
        BuildInfo b = builds.get(idOrNvr);
        RpmTable table = RpmTable.from(q);
        List<ImageView> images = new ArrayList<>();
        for (ImageInfo i : b.images()) {
            List<RpmComponent> rpms = builds.rpms(i.id());
            images.add(new ImageView(i, i.pullSpecs().stream().filter(p -> p.contains("@sha256:")).toList(), rpms,
                    table.apply(rpms)));
        }
        List<PublicationView> published = publications.forBuild(b.id()).stream()
                .map(p -> new PublicationView(p, lookaside ? signaturePath(p) : null)).toList();
        return templates.render("build", v, "Build " + b.nvr(), "builds", "build", b, "sourceLink",
                commits.of(b.source()), "images", images, "table", table, "publications", published);
    }

    /** {@code /sigs/<repository>@sha256=<hex>/signature-1}, the layout skopeo reads. */
    private static String signaturePath(Publication p) {
        try {
            ImageReference ref = ImageReference.parse(p.destination());
            return "/sigs/" + ref.repository() + "@" + Digest.parse(p.digest()).withEquals() + "/signature-1";
        } catch (RuntimeException e) {
            return null;
        }
    }
}
