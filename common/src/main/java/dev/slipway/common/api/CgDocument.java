package dev.slipway.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A content-generator metadata document, Koji's {@code metadata_version 0} plus OSBS's {@code extra.image} and
 * {@code extra.docker} keys. Every field may be null when read, so the hub can name what is missing
 * ({@code metadata.build.version must be a non-empty string}); absent fields are not written.
 *
 * @see <a href="https://docs.pagure.org/koji/content_generator_metadata/">Koji CG metadata</a>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CgDocument(Integer metadataVersion, Build build, List<Buildroot> buildroots, List<Output> output) {
    public CgDocument {
        buildroots = copy(buildroots);
        output = copy(output);
    }

    /** The build: its NVR, where it came from, when it ran and who asked. Times are epoch seconds. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Build(String name, String version, String release, String source, Long startTime, Long endTime,
            String owner, BuildExtra extra) {
    }

    /** {@code build.extra}: the image section OSBS defines, the build kind and who submitted it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuildExtra(ImageExtra image, OsbsBuild osbsBuild, String submitter) {
    }

    /**
     * {@code build.extra.image}.
     *
     * @param parentImageDigests each FROM reference as written -> the {@code repo@sha256:} it was pinned to
     * @param yumRepos the {@code yum_repourls} files the build's RUN steps saw, or null when none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageExtra(Boolean isolated, List<String> parentImages, Map<String, String> parentImageDigests,
            Index index, List<String> mediaTypes, List<YumRepo> yumRepos) {
        public ImageExtra {
            parentImages = copy(parentImages);
            parentImageDigests = copy(parentImageDigests);
            mediaTypes = copy(mediaTypes);
            yumRepos = copy(yumRepos);
        }
    }

    /**
     * One {@code yum_repourls} entry as the build used it.
     *
     * @param file its name in {@code /etc/yum.repos.d/} during the build (removed from the final image)
     * @param repos the repository ids it defines
     * @param sha256 of the fetched file, since the URL may serve something else tomorrow
     */
    public record YumRepo(String url, String file, List<String> repos, String sha256) {
        public YumRepo {
            repos = copy(repos);
        }
    }

    /** {@code build.extra.image.index}: the tags and pull specs of the pushed image, its digest per media type. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Index(List<String> tags, List<String> floatingTags, List<String> uniqueTags, List<String> pull,
            Map<String, String> digests) {
        public Index {
            tags = copy(tags);
            floatingTags = copy(floatingTags);
            uniqueTags = copy(uniqueTags);
            pull = copy(pull);
            digests = copy(digests);
        }
    }

    /** {@code build.extra.osbs_build}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OsbsBuild(String kind, String engine) {
    }

    /** Where the build ran: host, content generator, container and tools. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Buildroot(Integer id, Host host, ContentGenerator contentGenerator, Container container,
            List<Tool> tools, List<RpmComponent> components, BuildrootExtra extra) {
        public Buildroot {
            tools = copy(tools);
            components = copy(components);
        }
    }

    /** A buildroot's host. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Host(String os, String arch) {
    }

    /** The program that produced the metadata. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContentGenerator(String name, String version) {
    }

    /** The container the build ran in. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Container(String type, String arch) {
    }

    /** A tool used by the build (the engine). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tool(String name, String version) {
    }

    /** {@code buildroots[].extra}: Slipway's own keys. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BuildrootExtra(SlipwayBuildroot slipway) {
    }

    /** The engine host a build ran on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SlipwayBuildroot(String engineHost) {
    }

    /**
     * One output file: a {@code docker-image} archive per arch (with its components and {@code extra.docker}) or
     * a log.
     *
     * @param relpath where the mirror keeps it, relative to the build's directory (the filename when absent)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(Integer buildrootId, String filename, Long filesize, String checksum, String checksumType,
            String arch, String type, String relpath, List<RpmComponent> components, OutputExtra extra) {
        public Output {
            components = copy(components);
        }
    }

    /** {@code output[].extra}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutputExtra(Docker docker, ImageArch image) {
    }

    /** {@code output[].extra.image}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImageArch(String arch) {
    }

    /**
     * {@code output[].extra.docker}: the image as pushed.
     *
     * @param id the config digest (the engine's image id)
     * @param repositories pull specs by tag and by digest
     * @param digests media type -> manifest digest
     * @param config the image's config blob as the registry serves it (without {@code container_config})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Docker(String id, String parentId, List<String> repositories, List<String> tags,
            List<LayerSize> layerSizes, Map<String, String> digests, JsonNode config) {
        public Docker {
            repositories = copy(repositories);
            tags = copy(tags);
            layerSizes = copy(layerSizes);
            digests = copy(digests);
        }
    }

    /** Keeps null entries, so the hub can name them rather than fail on reading. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** Keeps the order (the first digest is the primary one) and lets the hub name a null value. */
    private static Map<String, String> copy(Map<String, String> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
