package dev.slipway.hub.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.publication.Publication;
import dev.slipway.hub.publication.PublicationRequest;
import dev.slipway.hub.publication.Publications;
import java.util.List;

/** The publication calls, and the build record with where the build was published. */
final class PublicationEndpoints {
    private final Publications publications;
    private final BuildQueries builds;

    /** A build as getBuild answers it: the build record plus its publications. */
    record BuildDetails(@JsonUnwrapped BuildInfo build, List<Publication> publications) {
        BuildDetails {
            publications = List.copyOf(publications);
        }
    }

    PublicationEndpoints(Publications publications, BuildQueries builds) {
        this.publications = publications;
        this.builds = builds;
    }

    Object build(Call c) {
        c.query();
        BuildInfo b = builds.get(c.path("build"));
        return new BuildDetails(b, publications.forBuild(b.id()));
    }

    Object record(Call c) {
        Publications.Recorded r = publications.record(c.principal(), c.body(PublicationRequest.class));
        return new Reply(r.created() ? 201 : 200, r.publication());
    }

    Object list(Call c) {
        Query q = c.query("digest");
        String digest = q.text("digest");
        if (digest == null) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER,
                    "listPublications needs ?digest=sha256:<hex>");
        }
        return publications.byDigest(digest);
    }
}
