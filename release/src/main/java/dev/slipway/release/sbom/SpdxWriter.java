package dev.slipway.release.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.release.sbom.SbomContent.Entry;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes an SPDX 2.3 JSON document with Jackson: the image as the described CONTAINER package, its parents
 * (DESCENDANT_OF) and every installed package (CONTAINS), each with its purl. Field order is fixed and ids are
 * derived from names, so equal input gives equal bytes.
 *
 * @see <a href="https://spdx.github.io/spdx-spec/v2.3/">SPDX 2.3</a>
 */
final class SpdxWriter {
    private static final String NOASSERTION = "NOASSERTION";
    private static final String IMAGE_ID = "SPDXRef-Image";

    private final ObjectMapper json;
    private final SbomTool tool;

    SpdxWriter(ObjectMapper json, SbomTool tool) {
        this.json = json;
        this.tool = tool;
    }

    byte[] write(SbomContent content) {
        SbomInput in = content.input();
        ObjectNode doc = json.createObjectNode();
        doc.put("spdxVersion", "SPDX-2.3");
        doc.put("dataLicense", "CC0-1.0");
        doc.put("SPDXID", "SPDXRef-DOCUMENT");
        doc.put("name", in.imageRepository() + "@" + in.imageDigest());
        doc.put("documentNamespace", tool.documentNamespace(in));
        ObjectNode creation = doc.putObject("creationInfo");
        creation.put("created", time(in.created()));
        creation.putArray("creators").add("Organization: " + in.supplier()).add("Tool: " + tool.id());
        doc.put("comment", "Bug tracker: " + in.bugTrackerUrl() + "\nSupport: " + in.supportDisclaimer());
        ArrayNode packages = doc.putArray("packages");
        ArrayNode relationships = json.createArrayNode();
        relationship(relationships, "SPDXRef-DOCUMENT", "DESCRIBES", IMAGE_ID);
        packages.add(image(content));
        StableIds parentIds = new StableIds("SPDXRef-Parent-");
        for (ParentImage parent : in.parents()) {
            String id = parentIds.fresh(parent.repository() + "-" + parent.digest().hex().substring(0, 12));
            packages.add(parent(id, parent));
            relationship(relationships, IMAGE_ID, "DESCENDANT_OF", id);
        }
        StableIds packageIds = new StableIds("SPDXRef-Package-");
        StableIds licenseRefs = new StableIds("LicenseRef-");
        Map<String, String> extracted = new LinkedHashMap<>();
        for (Entry entry : content.packages()) {
            String id = packageIds.fresh(entry.pkg().type().id() + "-" + entry.pkg().nevra());
            packages.add(installed(id, entry, licenseRefs, extracted));
            relationship(relationships, IMAGE_ID, "CONTAINS", id);
        }
        doc.set("relationships", relationships);
        if (!extracted.isEmpty()) {
            ArrayNode infos = doc.putArray("hasExtractedLicensingInfos");
            extracted.forEach((ref, text) -> infos.addObject().put("licenseId", ref).put("extractedText", text)
                    .put("name", text).put("comment", "The RPM License tag, which is not an SPDX expression"));
        }
        try {
            return json.writer(SbomJson.PRETTY).writeValueAsBytes(doc);
        } catch (JsonProcessingException e) {
            throw new SlipwayException(ErrorCode.SBOM_WRITE_FAILED, "Tried to serialise the SPDX document of "
                    + in.imageDigest() + " but Jackson failed: " + e.getMessage(), e);
        }
    }

    private ObjectNode image(SbomContent content) {
        SbomInput in = content.input();
        ObjectNode p = json.createObjectNode();
        p.put("SPDXID", IMAGE_ID);
        p.put("name", in.name());
        p.put("versionInfo", in.versionRelease());
        p.put("primaryPackagePurpose", "CONTAINER");
        p.put("supplier", "Organization: " + in.supplier());
        p.put("downloadLocation", NOASSERTION);
        p.put("filesAnalyzed", false);
        p.put("builtDate", time(in.created()));
        p.put("sourceInfo", "built from " + in.sourceRepository() + " at commit " + in.commit());
        p.putArray("checksums").addObject().put("algorithm", "SHA256").put("checksumValue", in.imageDigest().hex());
        p.put("licenseConcluded", NOASSERTION);
        p.put("licenseDeclared", in.licenses() == null ? NOASSERTION : in.licenses());
        p.put("copyrightText", NOASSERTION);
        p.put("comment", "Architecture: " + in.arch() + "\nSupport: " + in.supportDisclaimer());
        ArrayNode refs = p.putArray("externalRefs");
        ref(refs, "PACKAGE-MANAGER", "purl", content.imagePurl());
        ref(refs, "OTHER", "issue-tracker", in.bugTrackerUrl());
        ref(refs, "OTHER", "support", in.bugTrackerUrl()).put("comment", in.supportDisclaimer());
        ref(refs, "OTHER", "vcs", in.sourceRepository()).put("comment", "commit " + in.commit());
        return p;
    }

    private ObjectNode parent(String id, ParentImage parent) {
        ObjectNode p = json.createObjectNode();
        p.put("SPDXID", id);
        p.put("name", parent.repository());
        p.put("versionInfo", parent.digest().toString());
        p.put("primaryPackagePurpose", "CONTAINER");
        p.put("downloadLocation", NOASSERTION);
        p.put("filesAnalyzed", false);
        p.putArray("checksums").addObject().put("algorithm", "SHA256").put("checksumValue", parent.digest().hex());
        ref(p.putArray("externalRefs"), "PACKAGE-MANAGER", "purl",
                PackageUrls.forImage(parent.repository(), parent.digest(), null, null));
        return p;
    }

    private ObjectNode installed(String id, Entry entry, StableIds licenseRefs, Map<String, String> extracted) {
        var pkg = entry.pkg();
        ObjectNode p = json.createObjectNode();
        p.put("SPDXID", id);
        p.put("name", pkg.name());
        p.put("versionInfo", entry.displayVersion());
        p.put("supplier", pkg.vendor() == null || pkg.vendor().isBlank() ? NOASSERTION
                : "Organization: " + pkg.vendor().strip());
        p.put("downloadLocation", NOASSERTION);
        p.put("filesAnalyzed", false);
        if (pkg.buildTime() != null) {
            p.put("builtDate", time(Instant.ofEpochSecond(pkg.buildTime())));
        }
        if (pkg.sourceRpm() != null) {
            p.put("sourceInfo", "built package from: " + pkg.sourceRpm());
        }
        p.put("licenseConcluded", NOASSERTION);
        p.put("licenseDeclared", declared(entry, licenseRefs, extracted));
        p.put("copyrightText", NOASSERTION);
        String comment = PackageProperties.of(pkg).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "\n" + b).orElse(null);
        if (comment != null) {
            // sigmd5 is the MD5 of the header and payload, not of any file a user can download, so it is not an
            // SPDX checksum (which must describe the package file); it goes here with the other RPM facts.
            p.put("comment", comment);
        }
        ref(p.putArray("externalRefs"), "PACKAGE-MANAGER", "purl", entry.purl());
        return p;
    }

    private static String declared(Entry entry, StableIds licenseRefs, Map<String, String> extracted) {
        if (entry.spdxExpression().isPresent()) {
            return entry.spdxExpression().get();
        }
        String text = entry.licenseText();
        if (text == null) {
            return NOASSERTION;
        }
        String ref = licenseRefs.idFor(text);
        extracted.putIfAbsent(ref, text);
        return ref;
    }

    private static ObjectNode ref(ArrayNode refs, String category, String type, String locator) {
        return refs.addObject().put("referenceCategory", category).put("referenceType", type)
                .put("referenceLocator", locator);
    }

    private static void relationship(ArrayNode relationships, String from, String type, String to) {
        relationships.addObject().put("spdxElementId", from).put("relationshipType", type)
                .put("relatedSpdxElement", to);
    }

    private static String time(Instant instant) {
        return SbomJson.utcSeconds(instant);
    }
}
