package dev.slipway.release.provenance;

import dev.slipway.common.image.Digest;
import dev.slipway.common.image.ImageReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Sample provenance inputs shared by the provenance tests. */
final class ProvenanceFixtures {
    static final Digest IMAGE = Digest.sha256("image manifest".getBytes(StandardCharsets.UTF_8));
    static final Digest PARENT = Digest.sha256("parent manifest".getBytes(StandardCharsets.UTF_8));
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    private ProvenanceFixtures() {
    }

    static BuildProvenanceInput build() {
        return new BuildProvenanceInput(ImageReference.parse("registry.example.org/team/nova-conductor:16.0.0-4"),
                IMAGE, "https://git.example.org/team/nova-conductor.git", COMMIT, "refs/tags/16.0.0",
                "team-16-candidate", false,
                List.of(ImageReference.parse("registry.example.org/base/ubi").withDigest(PARENT)),
                List.of(new RpmRepository("baseos", URI.create("https://rpm.example.org/baseos/x86_64/"), null)),
                URI.create("https://slipway.example.org/worker/w1"), "build-42",
                Instant.parse("2026-11-23T00:00:00Z"), Instant.parse("2026-11-23T00:07:00Z"),
                Map.of("task", "1234"));
    }

    static PromotionRecord promotion() {
        return new PromotionRecord(ImageReference.parse("staging.example.org/team/nova-conductor"),
                ImageReference.parse("registry.example.org/team/nova-conductor"), IMAGE, List.of("16.0.0-4", "16"),
                COMMIT, "Release Manager <rm@example.org>", "good", Instant.parse("2026-11-24T10:00:00Z"),
                URI.create("https://slipway.example.org/promoter"));
    }
}
