package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.api.RpmComponent;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;
import java.util.List;

/**
 * Renders package manifests as Koji content-generator component records ({@code type, name, version, release,
 * epoch, arch, sigmd5, signature}), with the extra fields Slipway records after them.
 *
 * @see <a href="https://docs.pagure.org/koji/content_generator_metadata/">Koji CG metadata</a>
 */
final class KojiComponents {
    private final ObjectMapper json;

    KojiComponents(ObjectMapper json) {
        this.json = json;
    }

    List<RpmComponent> of(PackageManifest manifest) {
        if (manifest == null) {
            return List.of();
        }
        return manifest.packages().stream().map(KojiComponents::component).toList();
    }

    private static RpmComponent component(InstalledPackage p) {
        return new RpmComponent(p.type().id(), p.name(), p.epoch(), p.version(), p.release(), p.arch(), p.sigmd5(),
                p.signatureKeyId(), p.size(), p.buildTime(), p.license(), p.vendor(), p.sourceRpm(),
                p.modularityLabel());
    }

    /** The mirror's package manifest document: where it was read from and every component. */
    ObjectNode manifestDocument(PipelineRun state) {
        ObjectNode doc = json.createObjectNode();
        doc.put("nvr", state.nvr.toString());
        doc.put("image", state.image.manifestDigest().toString());
        doc.put("arch", state.engine.arch());
        doc.put("type", state.packages.type().id());
        // What the list was read from: rpmdb-sqlite, rpmdb-bdb, rpmdb-ndb, dpkg-status, or none (no database).
        doc.put("source", state.packages.source());
        if (state.packages.hasDatabase()) {
            doc.put("database", state.packages.database());
        } else {
            doc.putNull("database");
            doc.put("note", "the image has no package database; it lists no packages");
        }
        doc.put("count", state.packages.packages().size());
        doc.set("components", json.valueToTree(of(state.packages)));
        return doc;
    }
}
