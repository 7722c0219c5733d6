package dev.slipway.worker.pipeline;

import dev.slipway.common.api.ParentBuild;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.ImageReference;

/**
 * {@code koji_parent_build}: the hub resolved the named NVR to its images by digest; the final stage's parent is
 * pinned to the image of this worker's arch instead of whatever its tag now points to. The Dockerfile must still
 * name that repository (a registry mirror may serve it under another host), so an option cannot silently swap in
 * an unrelated image, as OSBS refuses a parent build of another repository.
 */
final class KojiParentPin {
    private KojiParentPin() {
    }

    /** The digest-pinned reference the final stage is built on; throws PARENT_REPOSITORY_MISMATCH. */
    static ImageReference pin(ParentBuild parent, String finalBase, String arch) {
        if (finalBase == null) {
            throw new SlipwayException(ErrorCode.PARENT_REPOSITORY_MISMATCH, "koji_parent_build " + parent.nvr()
                    + " was given, but the Dockerfile's final stage is FROM scratch and has no parent to replace");
        }
        ParentBuild.Image image = parent.images().stream().filter(i -> arch.equals(i.arch())).findFirst()
                .orElseThrow(() -> new SlipwayException(ErrorCode.PARENT_REPOSITORY_MISMATCH, "koji_parent_build "
                        + parent.nvr() + " has no image for " + arch + " (it has "
                        + parent.images().stream().map(ParentBuild.Image::arch).toList() + ")"));
        ImageReference pinned = ImageReference.parse(image.pullSpec());
        ImageReference written = ImageReference.parse(finalBase);
        if (!written.repository().equals(pinned.repository())) {
            throw new SlipwayException(ErrorCode.PARENT_REPOSITORY_MISMATCH, "The final stage is FROM " + finalBase
                    + ", repository " + written.repository() + ", but koji_parent_build " + parent.nvr() + " is "
                    + pinned.name() + "; FROM the parent build's repository or drop the option");
        }
        return pinned.withDigest(image.digest());
    }
}
