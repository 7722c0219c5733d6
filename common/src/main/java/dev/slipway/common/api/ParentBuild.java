package dev.slipway.common.api;

import dev.slipway.common.image.Digest;
import java.util.List;

/**
 * The build a task's {@code koji_parent_build} option named, as the hub resolved it when it accepted the task: a
 * COMPLETE build and its images by digest. The worker pins the final stage's FROM to the image of its arch.
 *
 * @param buildId the parent's build record
 * @param nvr the NVR the option named
 * @param images one per arch the parent was built for
 */
public record ParentBuild(long buildId, String nvr, List<Image> images) {
    public ParentBuild {
        images = List.copyOf(images);
    }

    /**
     * One image of the parent build.
     *
     * @param arch the Koji arch ({@code x86_64}, {@code aarch64}...)
     * @param pullSpec {@code registry/repository@sha256:...}, where the parent was pushed
     * @param digest its manifest digest
     */
    public record Image(String arch, String pullSpec, Digest digest) {
    }
}
