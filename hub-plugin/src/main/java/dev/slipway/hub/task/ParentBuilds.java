package dev.slipway.hub.task;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.ParentBuild;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.common.image.Nvr;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.ImageEntity;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Resolves {@code koji_parent_build} when a task is accepted: the NVR must be a COMPLETE build with an image pushed
 * by digest, and the task carries that digest from then on, so a later build of the same NVR's tag cannot change
 * what the child is built on (koji-containerbuild checks the parent the same way before it schedules).
 */
final class ParentBuilds {
    /** The task request's key for the resolved parent; the assignment hands it to the worker typed. */
    static final String KEY = "koji_parent";

    private final TaskView view;

    ParentBuilds(TaskView view) {
        this.view = view;
    }

    /** The COMPLETE build {@code nvr} names, with its images by digest; throws PARENT_BUILD_NOT_COMPLETE. */
    ParentBuild resolve(Session s, String nvr) {
        Nvr parsed = Nvr.parse(nvr);
        List<BuildEntity> builds = s.createSelectionQuery("from BuildEntity where name = :n and version = :v"
                + " and release = :r", BuildEntity.class).setParameter("n", parsed.name())
                .setParameter("v", parsed.version()).setParameter("r", parsed.release()).getResultList();
        BuildEntity build = builds.stream().filter(b -> b.state == BuildState.COMPLETE).findFirst()
                .orElseThrow(() -> new SlipwayException(ErrorCode.PARENT_BUILD_NOT_COMPLETE, "koji_parent_build "
                        + nvr + (builds.isEmpty() ? " is not a build this hub knows"
                                : " is " + builds.get(0).state + ", not COMPLETE") + "; name a completed build"));
        List<ParentBuild.Image> images = new ArrayList<>();
        for (ImageEntity i : s.createSelectionQuery("from ImageEntity where buildId = :b order by arch",
                ImageEntity.class).setParameter("b", build.id).getResultList()) {
            String pull = null;
            for (JsonNode spec : view.read(i.pullSpecs)) {
                if (pull == null && spec.asText().endsWith("@" + i.digest)) {
                    pull = spec.asText();
                }
            }
            if (pull != null) {
                images.add(new ParentBuild.Image(i.arch, pull, Digest.parse(i.digest)));
            }
        }
        if (images.isEmpty()) {
            throw new SlipwayException(ErrorCode.PARENT_BUILD_NOT_COMPLETE, "koji_parent_build " + nvr
                    + " is COMPLETE but has no image pushed by digest to build on");
        }
        return new ParentBuild(build.id, nvr, images);
    }
}
