package dev.slipway.common.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A build record: one NVR, its state, where it came from and what it produced.
 *
 * @param parents builds whose images this build's parents were, matched by digest
 * @param mirror the mirror directory the worker exported the build to
 * @param extra the content generator's {@code build.extra}
 */
public record BuildInfo(
        long id,
        String nvr,
        String name,
        String version,
        String release,
        BuildState state,
        String owner,
        Long taskId,
        String source,
        String target,
        Instant started,
        Instant completed,
        List<String> kojiTags,
        List<ImageInfo> images,
        List<ArchiveInfo> archives,
        List<String> parents,
        String mirror,
        JsonNode extra) {

    public BuildInfo {
        kojiTags = List.copyOf(kojiTags);
        images = List.copyOf(images);
        archives = List.copyOf(archives);
        parents = List.copyOf(parents);
    }
}
