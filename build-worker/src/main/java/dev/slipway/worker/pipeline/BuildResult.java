package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.worker.image.Descriptor;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one build, printed by {@code slipway-worker build} and returned by the API: everything a release
 * engineer needs to find, pull and audit the image.
 *
 * @param yumRepos the yum_repourls files every RUN saw in {@code /etc/yum.repos.d/} (empty without the option)
 * @param metadata the content-generator metadata of a release build, as exported to the mirror (not printed: the
 *     mirror's {@code metadata.json} holds it)
 */
public record BuildResult(
        Outcome state,
        Failure error,
        String source,
        String target,
        boolean scratch,
        String component,
        String name,
        String version,
        String release,
        String nvr,
        String arch,
        Map<String, String> labels,
        List<ParentImage> parents,
        Image image,
        TagPlan tags,
        List<PushedImage> registries,
        PackageManifest packages,
        String mirror,
        String log,
        Instant started,
        Instant finished,
        List<StepTiming> steps,
        List<CgDocument.YumRepo> yumRepos,
        @JsonIgnore CgDocument metadata) {

    /** Koji's build states as far as a worker decides them. */
    public enum Outcome { COMPLETE, FAILED, CANCELED }

    /** Why a build did not complete, with the stable code clients branch on. */
    public record Failure(int code, String name, String message, String step) {
        static Failure of(SlipwayException e, String step) {
            return new Failure(e.code().code(), e.code().name(), e.getMessage(), step);
        }

        /** The failure as it travels to the hub. */
        public ApiError fault() {
            return new ApiError(code, name, message);
        }
    }

    /** The built image: the manifest pushed everywhere and what it is made of. */
    public record Image(String id, String manifestDigest, String mediaType, String configDigest,
            List<Descriptor> layers) {
    }

    /** How long a step took and how it ended. */
    public record StepTiming(String step, long millis, String outcome) {
    }
}
