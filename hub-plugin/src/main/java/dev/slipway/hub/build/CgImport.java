package dev.slipway.hub.build;

import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.api.LayerSize;
import dev.slipway.common.api.RpmComponent;
import java.util.List;
import java.util.Map;

/**
 * What a validated content-generator document imports: the build's NVR and source, its per-arch images with
 * their components, every output file, and the pinned parent image digests.
 */
record CgImport(String name, String version, String release, String source, CgDocument.BuildExtra buildExtra,
        List<Image> images, List<ArchiveInfo> archives, List<String> parentDigests) {
    CgImport {
        images = List.copyOf(images);
        archives = List.copyOf(archives);
        parentDigests = List.copyOf(parentDigests);
    }

    /** One docker-image output. */
    record Image(String arch, String digest, String mediaType, String imageId, String parentId,
            List<String> pullSpecs, List<String> tags, Map<String, String> labels, List<LayerSize> layers,
            List<RpmComponent> components) {
        Image {
            pullSpecs = List.copyOf(pullSpecs);
            tags = List.copyOf(tags);
            labels = Map.copyOf(labels);
            layers = List.copyOf(layers);
            components = List.copyOf(components);
        }
    }

    String nvr() {
        return name + "-" + version + "-" + release;
    }
}
