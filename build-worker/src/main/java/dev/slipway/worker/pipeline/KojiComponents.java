package dev.slipway.worker.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.content.InstalledPackage;
import dev.slipway.common.content.PackageManifest;

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

    ArrayNode of(PackageManifest manifest) {
        ArrayNode out = json.createArrayNode();
        if (manifest == null) {
            return out;
        }
        for (InstalledPackage p : manifest.packages()) {
            ObjectNode c = out.addObject();
            c.put("type", p.type().id());
            c.put("name", p.name());
            c.put("version", p.version());
            c.put("release", p.release());
            if (p.epoch() == null) {
                c.putNull("epoch");
            } else {
                c.put("epoch", p.epoch());
            }
            c.put("arch", p.arch());
            c.put("sigmd5", p.sigmd5());
            c.put("signature", p.signatureKeyId());
            if (p.modularityLabel() != null) {
                c.put("module", p.modularityLabel());
            }
            c.put("size", p.size());
            if (p.buildTime() != null) {
                c.put("buildtime", p.buildTime());
            }
            c.put("license", p.license());
            c.put("vendor", p.vendor());
            c.put("sourcerpm", p.sourceRpm());
        }
        return out;
    }

    /** The mirror's package manifest document: where it was read from and every component. */
    ObjectNode manifestDocument(BuildState state) {
        ObjectNode doc = json.createObjectNode();
        doc.put("nvr", state.nvr.toString());
        doc.put("image", state.image.manifestDigest().toString());
        doc.put("arch", state.engine.arch());
        doc.put("type", state.packages.type().id());
        if (state.packages.hasDatabase()) {
            doc.put("database", state.packages.database());
        } else {
            doc.putNull("database");
            doc.put("note", "the image has no package database; it lists no packages");
        }
        doc.put("count", state.packages.packages().size());
        doc.set("components", of(state.packages));
        return doc;
    }
}
