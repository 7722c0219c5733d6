package dev.slipway.hub.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.ArchiveInfo;
import dev.slipway.common.api.BuildState;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.hub.persistence.ArchiveEntity;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.ComponentEntity;
import dev.slipway.hub.persistence.ImageEntity;
import dev.slipway.hub.persistence.TargetEntity;
import dev.slipway.hub.task.TaskView;
import java.time.Instant;
import java.util.List;
import org.hibernate.Session;

/**
 * Writes an imported build: images per arch, their components (relational, indexed by name), archives, the parent
 * builds matched by digest, and the destination tag. Runs inside the close transaction.
 */
final class BuildImporter {
    private final TaskView view;

    BuildImporter(TaskView view) {
        this.view = view;
    }

    /**
     * {@code params} is the task's request: its resolved {@code koji_parent} (or, for tasks accepted before the hub
     * resolved it, {@code opts.koji_parent_build}) links the parent build, and {@code opts.userdata} is kept in
     * {@code extra.custom_user_metadata}, where Koji keeps a build's user metadata.
     */
    void write(Session s, BuildEntity b, CgImport cg, String mirror, JsonNode params, Instant now) {
        JsonNode resolvedParent = params.path("koji_parent").path("build_id");
        String parentNvr = params.path("opts").path("koji_parent_build").asText(null);
        for (CgImport.Image img : cg.images()) {
            ImageEntity i = new ImageEntity();
            i.buildId = b.id;
            i.arch = img.arch();
            i.digest = img.digest();
            i.mediaType = img.mediaType();
            i.imageId = img.imageId();
            i.parentId = img.parentId();
            i.pullSpecs = view.write(img.pullSpecs());
            i.registryTags = view.write(img.tags());
            i.labels = view.write(img.labels());
            i.layerSizes = view.write(img.layers());
            s.persist(i);
            for (RpmComponent c : img.components()) {
                s.persist(component(i.id, c));
            }
        }
        for (ArchiveInfo a : cg.archives()) {
            ArchiveEntity e = new ArchiveEntity();
            e.buildId = b.id;
            e.filename = a.filename();
            e.relpath = a.relpath() == null ? a.filename() : a.relpath();
            e.type = a.type();
            e.arch = a.arch();
            e.size = a.size();
            e.checksum = a.checksum();
            e.checksumType = a.checksumType();
            s.persist(e);
        }
        if (!cg.parentDigests().isEmpty()) {
            b.parentIds.addAll(s.createSelectionQuery("select distinct i.buildId from ImageEntity i"
                    + " where i.digest in (:d) and i.buildId <> :self", Long.class)
                    .setParameterList("d", cg.parentDigests()).setParameter("self", b.id).getResultList());
        }
        if (resolvedParent.canConvertToLong()) {
            b.parentIds.add(resolvedParent.asLong());
        } else if (parentNvr != null) {
            List<Long> parent = s.createSelectionQuery("select b.id from BuildEntity b where concat(b.name, '-',"
                    + " b.version, '-', b.release) = :nvr", Long.class).setParameter("nvr", parentNvr)
                    .getResultList();
            b.parentIds.addAll(parent);
        }
        if (b.targetId != null) {
            b.tagIds.add(s.get(TargetEntity.class, b.targetId).destTagId);
        }
        b.state = BuildState.COMPLETE;
        b.completed = now;
        b.mirror = mirror;
        b.extra = view.write(withUserdata(cg.buildExtra(), params.path("opts").path("userdata")));
    }

    private JsonNode withUserdata(Object extra, JsonNode userdata) {
        JsonNode tree = view.read(view.write(extra));
        if (userdata.isObject() && tree.isObject()) {
            ((ObjectNode) tree).set("custom_user_metadata", userdata);
        }
        return tree;
    }

    private static ComponentEntity component(long imageId, RpmComponent c) {
        ComponentEntity e = new ComponentEntity();
        e.imageId = imageId;
        e.type = c.type();
        e.name = c.name();
        e.epoch = c.epoch();
        e.version = c.version();
        e.release = c.release();
        e.arch = c.arch();
        e.sigmd5 = c.sigmd5();
        e.signature = c.signature();
        e.size = c.size();
        e.buildtime = c.buildtime();
        e.license = c.license();
        e.vendor = c.vendor();
        e.sourcerpm = c.sourcerpm();
        e.module = c.module();
        return e;
    }
}
