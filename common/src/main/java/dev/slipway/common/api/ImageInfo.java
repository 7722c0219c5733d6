package dev.slipway.common.api;

import java.util.List;
import java.util.Map;

/**
 * One image of a build (one per arch): how to pull it by digest and what it is made of.
 *
 * @param digest the manifest digest the registry confirmed
 * @param imageId the config digest (the engine's image id)
 */
public record ImageInfo(
        long id,
        String arch,
        String digest,
        String mediaType,
        String imageId,
        String parentId,
        List<String> pullSpecs,
        List<String> tags,
        Map<String, String> labels,
        List<LayerSize> layerSizes,
        long rpmCount) {

    public ImageInfo {
        pullSpecs = List.copyOf(pullSpecs);
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        layerSizes = List.copyOf(layerSizes);
    }
}
