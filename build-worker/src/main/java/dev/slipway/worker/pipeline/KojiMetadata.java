package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.CgDocument;
import dev.slipway.common.api.LayerSize;
import dev.slipway.worker.image.Descriptor;
import dev.slipway.worker.image.WrittenFile;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the content-generator metadata of a build the way Koji imports it ({@code metadata_version 0}: build,
 * buildroots, output with {@code extra.docker}), so the hub can import it and Koji-aware tools can read it.
 */
final class KojiMetadata {
    static final String GENERATOR = "slipway";
    private static final int BUILDROOT = 1;
    private final ObjectMapper json;
    private final KojiComponents components;

    KojiMetadata(ObjectMapper json) {
        this.json = json;
        this.components = new KojiComponents(json);
    }

    CgDocument of(PipelineRun s, WrittenFile archive, String archiveName, Instant finished) throws IOException {
        CgDocument.Output log = new CgDocument.Output(BUILDROOT, "build.log", null, null, null, "noarch", "log", null,
                null, null);
        return new CgDocument(0, build(s, finished), List.of(buildroot(s)), List.of(image(s, archive, archiveName),
                log));
    }

    private CgDocument.Build build(PipelineRun s, Instant finished) {
        List<String> parents = new ArrayList<>();
        Map<String, String> pinned = new LinkedHashMap<>();
        s.parents.forEach(p -> {
            parents.add(p.written());
            pinned.put(p.written(), p.pinned());
        });
        List<String> pull = new ArrayList<>();
        s.pushes.forEach(p -> pull.addAll(p.pullSpecs()));
        CgDocument.Index index = new CgDocument.Index(s.tags.all(), s.tags.floating(), List.of(s.tags.unique()), pull,
                Map.of(s.image.mediaType(), s.image.manifestDigest().toString()));
        List<CgDocument.YumRepo> repos = s.yumRepos.isEmpty() ? null : YumRepos.of(s);
        CgDocument.ImageExtra image = new CgDocument.ImageExtra(s.request.isolated(), parents, pinned, index,
                List.of(s.image.mediaType()), repos);
        CgDocument.BuildExtra extra = new CgDocument.BuildExtra(image,
                new CgDocument.OsbsBuild("container_build", "docker"), s.request.owner());
        return new CgDocument.Build(s.nvr.name(), s.nvr.version(), s.nvr.release(), s.request.source().toString(),
                s.started.getEpochSecond(), finished.getEpochSecond(), s.request.owner(), extra);
    }

    private CgDocument.Buildroot buildroot(PipelineRun s) {
        return new CgDocument.Buildroot(BUILDROOT, new CgDocument.Host(s.engine.os(), s.engine.arch()),
                new CgDocument.ContentGenerator(GENERATOR, version()),
                new CgDocument.Container("docker", s.engine.arch()),
                List.of(new CgDocument.Tool("docker", s.engine.engineVersion())), List.of(),
                new CgDocument.BuildrootExtra(new CgDocument.SlipwayBuildroot(s.engine.hostName())));
    }

    private CgDocument.Output image(PipelineRun s, WrittenFile archive, String archiveName) throws IOException {
        ObjectNode config = (ObjectNode) json.readTree(Files.readAllBytes(s.image.blob(s.image.config().digest())));
        config.remove("container_config");
        List<String> repositories = new ArrayList<>();
        s.pushes.forEach(p -> {
            repositories.add(p.registry() + "/" + p.repository() + ":" + s.tags.unique());
            repositories.add(p.registry() + "/" + p.repository() + "@" + p.digest());
        });
        List<LayerSize> sizes = new ArrayList<>();
        for (Descriptor l : s.image.layers()) {
            sizes.add(new LayerSize(l.diffId().toString(), l.digest().toString(), l.size(), l.uncompressedSize()));
        }
        CgDocument.Docker docker = new CgDocument.Docker(s.image.imageId().toString(),
                s.parents.isEmpty() ? null : s.parents.get(s.parents.size() - 1).imageId(), repositories,
                s.tags.all(), sizes, Map.of(s.image.mediaType(), s.image.manifestDigest().toString()), config);
        return new CgDocument.Output(BUILDROOT, archiveName, archive.size(), archive.md5(), "md5",
                s.engine.arch(), "docker-image", null, components.of(s.packages),
                new CgDocument.OutputExtra(docker, new CgDocument.ImageArch(s.engine.arch())));
    }

    private static String version() {
        String v = KojiMetadata.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
