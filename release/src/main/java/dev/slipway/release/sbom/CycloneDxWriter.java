package dev.slipway.release.sbom;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.release.sbom.SbomContent.Entry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Ancestors;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Dependency;
import org.cyclonedx.model.ExternalReference;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.License;
import org.cyclonedx.model.LicenseChoice;
import org.cyclonedx.model.LifecycleChoice;
import org.cyclonedx.model.Lifecycles;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.OrganizationalEntity;
import org.cyclonedx.model.Pedigree;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.license.Expression;
import org.cyclonedx.model.metadata.ToolInformation;

/**
 * Writes a CycloneDX 1.5 JSON BOM with cyclonedx-core-java's model and generator: the image as the metadata
 * component (supplier, issue-tracker, support and vcs references, parents as pedigree ancestors) and each installed
 * package as a library whose bom-ref is its purl.
 *
 * @see <a href="https://cyclonedx.org/docs/1.5/json/">CycloneDX 1.5 JSON</a>
 */
final class CycloneDxWriter {
    private static final String IMAGE_REF = "image";

    private final SbomTool tool;

    CycloneDxWriter(SbomTool tool) {
        this.tool = tool;
    }

    byte[] write(SbomContent content) {
        SbomInput in = content.input();
        Bom bom = new Bom();
        bom.setSerialNumber(tool.serialNumber(in));
        bom.setVersion(1);
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(in.created()));
        LifecycleChoice build = new LifecycleChoice();
        build.setPhase(LifecycleChoice.Phase.BUILD);
        Lifecycles lifecycles = new Lifecycles();
        lifecycles.setLifecycleChoice(List.of(build));
        metadata.setLifecycles(lifecycles);
        Component toolComponent = new Component();
        toolComponent.setType(Component.Type.APPLICATION);
        toolComponent.setName(tool.name());
        toolComponent.setVersion(tool.version());
        ToolInformation tools = new ToolInformation();
        tools.setComponents(List.of(toolComponent));
        metadata.setToolChoice(tools);
        metadata.setSupplier(organisation(in.supplier()));
        metadata.setComponent(image(content));
        bom.setMetadata(metadata);

        List<Component> components = new ArrayList<>();
        Dependency image = new Dependency(IMAGE_REF);
        List<Dependency> dependencies = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (Entry entry : content.packages()) {
            // bom-refs must be unique; the purl is, unless a database lists one package twice.
            String ref = entry.purl();
            for (int n = 2; !used.add(ref); n++) {
                ref = entry.purl() + "#" + n;
            }
            components.add(library(entry, ref));
            image.addDependency(new Dependency(ref));
            dependencies.add(new Dependency(ref));
        }
        bom.setComponents(components);
        dependencies.add(0, image);
        bom.setDependencies(dependencies);
        try {
            String text = BomGeneratorFactory.createJson(Version.VERSION_15, bom).toJsonString(true);
            return (text.replace("\r\n", "\n") + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (GeneratorException e) {
            throw new SlipwayException(ErrorCode.SBOM_WRITE_FAILED, "Tried to serialise the CycloneDX BOM of "
                    + in.imageDigest() + " but cyclonedx-core-java failed: " + e.getMessage(), e);
        }
    }

    private static Component image(SbomContent content) {
        SbomInput in = content.input();
        Component c = new Component();
        c.setType(Component.Type.CONTAINER);
        c.setBomRef(IMAGE_REF);
        c.setName(in.name());
        c.setVersion(in.versionRelease());
        c.setSupplier(organisation(in.supplier()));
        c.setPurl(content.imagePurl());
        c.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, in.imageDigest().hex())));
        if (in.licenses() != null) {
            LicenseChoice licenses = new LicenseChoice();
            licenses.setExpression(new Expression(in.licenses()));
            c.setLicenses(licenses);
        }
        c.setExternalReferences(List.of(
                reference(ExternalReference.Type.ISSUE_TRACKER, in.bugTrackerUrl(), null),
                reference(ExternalReference.Type.SUPPORT, in.bugTrackerUrl(), in.supportDisclaimer()),
                reference(ExternalReference.Type.VCS, in.sourceRepository(), "commit " + in.commit())));
        if (!in.parents().isEmpty()) {
            Ancestors ancestors = new Ancestors();
            for (ParentImage parent : in.parents()) {
                Component p = new Component();
                p.setType(Component.Type.CONTAINER);
                p.setName(parent.repository());
                p.setVersion(parent.digest().toString());
                p.setPurl(PackageUrls.forImage(parent.repository(), parent.digest(), null, null));
                p.setHashes(List.of(new Hash(Hash.Algorithm.SHA_256, parent.digest().hex())));
                ancestors.addComponent(p);
            }
            Pedigree pedigree = new Pedigree();
            pedigree.setAncestors(ancestors);
            c.setPedigree(pedigree);
        }
        c.setProperties(List.of(
                new Property("org.opencontainers.image.revision", in.commit()),
                new Property("org.opencontainers.image.source", in.sourceRepository()),
                new Property("architecture", in.arch()),
                new Property("dev.slipway.support-disclaimer", in.supportDisclaimer())));
        return c;
    }

    private static Component library(Entry entry, String ref) {
        var pkg = entry.pkg();
        Component c = new Component();
        c.setType(Component.Type.LIBRARY);
        c.setBomRef(ref);
        c.setName(pkg.name());
        c.setVersion(entry.displayVersion());
        if (pkg.vendor() != null && !pkg.vendor().isBlank()) {
            c.setSupplier(organisation(pkg.vendor().strip()));
        }
        String text = entry.licenseText();
        if (text != null) {
            LicenseChoice licenses = new LicenseChoice();
            if (entry.spdxExpression().isPresent()) {
                licenses.setExpression(new Expression(entry.spdxExpression().get()));
            } else {
                License license = new License();
                license.setName(text);
                licenses.addLicense(license);
            }
            c.setLicenses(licenses);
        }
        c.setPurl(entry.purl());
        List<Property> properties = new ArrayList<>();
        for (Map.Entry<String, String> p : PackageProperties.of(pkg).entrySet()) {
            properties.add(new Property(p.getKey(), p.getValue()));
        }
        c.setProperties(properties);
        return c;
    }

    private static ExternalReference reference(ExternalReference.Type type, String url, String comment) {
        ExternalReference ref = new ExternalReference();
        ref.setType(type);
        ref.setUrl(url);
        if (comment != null) {
            ref.setComment(comment);
        }
        return ref;
    }

    private static OrganizationalEntity organisation(String name) {
        OrganizationalEntity entity = new OrganizationalEntity();
        entity.setName(name);
        return entity;
    }
}
