package dev.slipway.release.sbom;

import dev.slipway.common.content.PackageManifest;
import dev.slipway.common.image.Digest;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Sample SBOM inputs for tests: a Fedora-style image with one parent and the given packages. */
final class SbomSamples {
    static final Digest IMAGE = Digest.parse("sha256:" + "42c1".repeat(16));
    static final Digest PARENT = Digest.parse("sha256:" + "ab".repeat(32));
    static final SbomTool TOOL = new SbomTool("slipway", "0.1.0", URI.create("https://sbom.slipway.invalid/spdx"));

    private SbomSamples() {
    }

    static SbomInput input(PackageManifest packages) {
        return input(packages, IMAGE, "registry.example.org/team/nova-conductor");
    }

    static SbomInput input(PackageManifest packages, Digest image, String repository) {
        return new SbomInput("team/nova-conductor", "16.0.0", "4", "amd64", image, repository,
                Instant.parse("2026-11-23T10:15:30.123Z"), "Nova Container Team", "https://bugs.example.org/nova",
                "Provided by the Nova Container Team without warranty (Apache-2.0 sections 7 and 8).",
                "https://git.example.org/team/nova-conductor.git", "0123456789abcdef0123456789abcdef01234567",
                "Apache-2.0", Distro.of("fedora", "40"),
                List.of(new ParentImage("registry.example.org/fedora/fedora-minimal", PARENT)), packages);
    }
}
