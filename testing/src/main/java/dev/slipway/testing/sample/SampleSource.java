package dev.slipway.testing.sample;

import dev.slipway.common.process.Command;
import dev.slipway.testing.distgit.SampleContainerRepo;
import dev.slipway.testing.image.BaseImage;
import dev.slipway.testing.image.BaseImageFixture;
import dev.slipway.testing.rpm.BuiltRpm;
import dev.slipway.testing.rpm.RpmFixtures;
import dev.slipway.testing.rpm.RpmSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a build of the sample container needs, made from local material: the RPM-based base image pushed to a
 * registry as {@code <registry>/fedora:40}, one more RPM for the layer to add, and the dist-git repository.
 *
 * @param parent the base image reference the Dockerfile names, by tag
 * @param removed the base-image package the layer removes
 */
public record SampleSource(BaseImage base, String parent, BuiltRpm added, String removed, SampleContainerRepo repo) {
    public static final String REMOVED_PACKAGE = "slipway-alpha";

    /** Builds the fixtures and pushes the base image to {@code registryHostPort} (an open registry). */
    public static SampleSource create(String registryHostPort, Path dir) {
        RpmFixtures rpms = new RpmFixtures();
        BaseImage base = new BaseImageFixture().standard();
        String parent = registryHostPort + "/fedora:40";
        Command.of("/usr/bin/docker", "tag", base.reference(), parent).output();
        Command.of("/usr/bin/docker", "push", "-q", parent).output();
        BuiltRpm added = rpms.build(List.of(RpmSpec.of("slipway-echo", "4.2", "3.fx")
                .withLicenseAndVendor("MIT", "Slipway Layer Vendor"))).get(0);
        SampleContainerRepo repo = SampleContainerRepo.create(dir, parent, added.file(), REMOVED_PACKAGE);
        return new SampleSource(base, parent, added, REMOVED_PACKAGE, repo);
    }

    /** The NEVRAs a build of the sample must contain: the base's, minus the removed one, plus the added one. */
    public List<String> expectedNevras() {
        List<String> nevras = new ArrayList<>(base.packages().stream()
                .filter(p -> !p.name().equals(removed)).map(BuiltRpm::nevra).toList());
        nevras.add(added.nevra());
        return nevras.stream().sorted().toList();
    }
}
