package dev.slipway.release.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.ImageReference;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildProvenanceInputTest {
    private final BuildProvenanceInput ok = ProvenanceFixtures.build();

    @Test
    void shortCommit_isRefused() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> new BuildProvenanceInput(ok.image(),
                ok.manifestDigest(), ok.sourceRepository(), "0123abc", ok.ref(), ok.target(), ok.scratch(),
                ok.parentImages(), ok.rpmRepositories(), ok.builderId(), ok.invocationId(), ok.startedOn(),
                ok.finishedOn(), ok.internalParameters()));

        assertEquals(ErrorCode.PROVENANCE_INVALID, e.code());
        assertTrue(e.getMessage().contains("'0123abc' is not a full"), e.getMessage());
    }

    @Test
    void parentWithoutDigest_isRefused() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> new BuildProvenanceInput(ok.image(),
                ok.manifestDigest(), ok.sourceRepository(), ok.commit(), ok.ref(), ok.target(), ok.scratch(),
                List.of(ImageReference.parse("registry.example.org/base/ubi:9")), ok.rpmRepositories(),
                ok.builderId(), ok.invocationId(), ok.startedOn(), ok.finishedOn(), ok.internalParameters()));

        assertTrue(e.getMessage().contains("registry.example.org/base/ubi:9 is not pinned by digest"),
                e.getMessage());
    }

    @Test
    void finishedBeforeStarted_isRefused() {
        SlipwayException e = assertThrows(SlipwayException.class, () -> new BuildProvenanceInput(ok.image(),
                ok.manifestDigest(), ok.sourceRepository(), ok.commit(), ok.ref(), ok.target(), ok.scratch(),
                ok.parentImages(), ok.rpmRepositories(), ok.builderId(), ok.invocationId(), ok.finishedOn(),
                ok.startedOn(), ok.internalParameters()));

        assertEquals(ErrorCode.PROVENANCE_INVALID, e.code());
    }

    @Test
    void scratchBuild_isRecordedInExternalParameters() {
        BuildProvenanceInput scratch = new BuildProvenanceInput(ok.image(), ok.manifestDigest(),
                ok.sourceRepository(), ok.commit(), null, ok.target(), true, ok.parentImages(), List.of(),
                ok.builderId(), ok.invocationId(), ok.startedOn(), ok.finishedOn(), java.util.Map.of());

        var statement = new InTotoStatements().buildProvenance(scratch);

        var external = statement.path("predicate").path("buildDefinition").path("externalParameters");
        assertTrue(external.path("scratch").asBoolean());
        assertTrue(external.path("source").path("ref").isMissingNode());
        assertEquals("git+https://git.example.org/team/nova-conductor.git@" + ok.commit(), statement
                .path("predicate").path("buildDefinition").path("resolvedDependencies").get(0).path("uri").asText());
    }
}
