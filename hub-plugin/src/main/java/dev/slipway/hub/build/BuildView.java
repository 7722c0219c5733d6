package dev.slipway.hub.build;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.BuildInfo;
import dev.slipway.common.api.ImageInfo;
import dev.slipway.common.api.LayerSize;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.hub.persistence.ArchiveEntity;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.ComponentEntity;
import dev.slipway.hub.persistence.EntityNames;
import dev.slipway.hub.persistence.ImageEntity;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Maps build rows (and their images, archives, parents, tags) to the API's records. */
final class BuildView {
    private final ObjectMapper json;
    private final EntityNames names = new EntityNames();

    BuildView(ObjectMapper json) {
        this.json = json;
    }

    BuildInfo of(Session s, BuildEntity b, boolean details) {
        List<String> tags = b.tagIds.stream().map(id -> names.tag(s, id)).sorted().toList();
        List<ImageInfo> images = !details ? List.of() : s.createSelectionQuery(
                "from ImageEntity where buildId = :b order by arch", ImageEntity.class).setParameter("b", b.id)
                .getResultList().stream().map(i -> image(s, i)).toList();
        List<ArchiveInfo> archives = !details ? List.of() : s.createSelectionQuery(
                "from ArchiveEntity where buildId = :b order by id", ArchiveEntity.class).setParameter("b", b.id)
                .getResultList().stream().map(a -> new ArchiveInfo(a.filename, a.relpath, a.type, a.arch, a.size,
                        a.checksum, a.checksumType)).toList();
        List<String> parents = b.parentIds.stream().map(id -> s.get(BuildEntity.class, id).nvr()).sorted().toList();
        return new BuildInfo(b.id, b.nvr(), b.name, b.version, b.release, b.state,
                names.user(s, b.ownerId), b.taskId, b.source, names.target(s, b.targetId),
                b.started, b.completed, tags, images, archives, parents, b.mirror,
                b.extra == null ? null : read(b.extra, new TypeReference<JsonNode>() { }));
    }

    ImageInfo image(Session s, ImageEntity i) {
        long rpms = s.createSelectionQuery("select count(*) from ComponentEntity where imageId = :i", Long.class)
                .setParameter("i", i.id).getSingleResult();
        return new ImageInfo(i.id, i.arch, i.digest, i.mediaType, i.imageId, i.parentId,
                read(i.pullSpecs, new TypeReference<List<String>>() { }),
                read(i.registryTags, new TypeReference<List<String>>() { }),
                read(i.labels, new TypeReference<Map<String, String>>() { }),
                read(i.layerSizes, new TypeReference<List<LayerSize>>() { }), rpms);
    }

    /** An image's {@code pull_specs} column as the list it holds. */
    List<String> pullSpecs(String column) {
        return read(column, new TypeReference<List<String>>() { });
    }

    static RpmComponent component(ComponentEntity c) {
        return new RpmComponent(c.type, c.name, c.epoch, c.version, c.release, c.arch, c.sigmd5, c.signature, c.size,
                c.buildtime, c.license, c.vendor, c.sourcerpm, c.module);
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON column holds invalid JSON", e);
        }
    }
}
