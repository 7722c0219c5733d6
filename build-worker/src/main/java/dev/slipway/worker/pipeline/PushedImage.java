package dev.slipway.worker.pipeline;

import dev.slipway.common.image.Digest;
import java.util.ArrayList;
import java.util.List;

/**
 * The image as one registry holds it after the push, confirmed by a registry HEAD.
 *
 * @param pullSpecs by digest first ({@code registry/repo@sha256:...}), then by each tag
 * @param blobBytesUploaded bytes actually sent (0 when every blob existed already)
 */
public record PushedImage(String registry, String repository, Digest digest, List<String> tags,
        List<String> pullSpecs, long blobBytesUploaded) {
    public PushedImage {
        tags = List.copyOf(tags);
        pullSpecs = List.copyOf(pullSpecs);
    }

    public PushedImage withTags(List<String> more) {
        List<String> all = new ArrayList<>(tags);
        more.stream().filter(t -> !all.contains(t)).forEach(all::add);
        List<String> specs = new ArrayList<>();
        specs.add(registry + "/" + repository + "@" + digest);
        all.forEach(t -> specs.add(registry + "/" + repository + ":" + t));
        return new PushedImage(registry, repository, digest, all, specs, blobBytesUploaded);
    }
}
