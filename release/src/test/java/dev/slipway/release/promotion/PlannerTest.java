package dev.slipway.release.promotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.MediaTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlannerTest {
    private static final Digest A = Digest.parse("sha256:" + "a".repeat(64));
    private static final Digest B = Digest.parse("sha256:" + "b".repeat(64));
    private static final Approval APPROVED = new Approval("c".repeat(40), "Rev Iewer <r@example.org>",
            Approval.SignatureStatus.NOT_CHECKED, Optional.empty());

    private final FakeInventory inventory = new FakeInventory();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private PromotionPlan plan(String images) {
        return plan(images, (file, digest) -> APPROVED);
    }

    private PromotionPlan plan(String images, Approvals approvals) {
        List<ManifestProblem> problems = new ArrayList<>();
        ThinManifest manifest = ThinManifestReader.parse("x", """
                registries:
                - name: staging.example
                  src: true
                - name: prod.example/images
                """, images, problems).orElseThrow(() -> new AssertionError(problems));
        return new Planner(inventory, approvals).plan(List.of(manifest), ImageFilter.all(), pool);
    }

    @Test
    void plan_newDigest_copiesItWithItsApproval() {
        inventory.put("staging.example", "app", A.toString(), A, MediaTypes.OCI_MANIFEST);

        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": [\"1.0\", \"latest\"]\n");

        assertFalse(plan.refused());
        assertEquals(1, plan.copies().size());
        assertEquals(List.of("1.0", "latest"), plan.copies().get(0).missingTags());
        assertEquals(Optional.of(APPROVED), plan.copies().get(0).approval());
        assertEquals("images/app", plan.copies().get(0).edge().destinationRepository());
    }

    @Test
    void plan_gateProblem_refusesThePlanAndIsAskedOnlyForCopies() {
        inventory.put("staging.example", "app", A.toString(), A, MediaTypes.OCI_MANIFEST);
        inventory.put("prod.example", "images/done", "1.0", B, MediaTypes.OCI_MANIFEST);
        List<String> gated = new ArrayList<>();
        EdgeGate vendorRule = new EdgeGate() {
            @Override
            public List<PlanProblem> check(PromotionEdge edge) {
                gated.add(edge.image());
                return List.of(new PlanProblem(ErrorCode.PROMOTION_RULE_VENDOR_IS_COMMUNITY, edge.sourceReference()
                        + " names \"the community\" as vendor"));
            }

            @Override
            public String auditNote() {
                return "passed";
            }
        };
        ThinManifest manifest = ThinManifestReader.parse("x", """
                registries:
                - name: staging.example
                  src: true
                - name: prod.example/images
                """, "- name: app\n  dmap:\n    \"" + A + "\": [\"1.0\"]\n- name: done\n  dmap:\n    \"" + B
                + "\": [\"1.0\"]\n", new ArrayList<>()).orElseThrow();

        PromotionPlan plan = new Planner(inventory, (file, digest) -> APPROVED, vendorRule)
                .plan(List.of(manifest), ImageFilter.all(), pool);

        assertTrue(plan.refused());
        assertEquals(List.of("app"), gated);
        assertTrue(plan.problems().get(0).toString().startsWith("REFUSED [11916 PROMOTION_RULE_VENDOR_IS_COMMUNITY]"),
                plan.problems().toString());
    }

    @Test
    void plan_alreadyPromoted_isDoneAfterOneHeadPerTag() {
        inventory.put("prod.example", "images/app", "1.0", A, MediaTypes.OCI_MANIFEST);

        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": [\"1.0\"]\n");

        assertEquals(1, plan.done().size());
        assertEquals(List.of("HEAD prod.example/images/app:1.0"), inventory.asked);
    }

    @Test
    void plan_destinationTagOnAnotherDigest_refusesATagMove() {
        inventory.put("prod.example", "images/app", "1.0", B, MediaTypes.OCI_MANIFEST);
        inventory.put("staging.example", "app", A.toString(), A, MediaTypes.OCI_MANIFEST);

        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": [\"1.0\"]\n");

        assertTrue(plan.refused());
        assertEquals(ErrorCode.PROMOTION_TAG_MOVE, plan.problems().get(0).code());
        assertTrue(plan.problems().get(0).message().contains("prod.example/images/app:1.0 points to " + B),
                plan.problems().get(0).message());
    }

    @Test
    void plan_twoDigestsForOneTag_refusesOverlapWithoutAnyRequest() {
        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": [\"1.0\"]\n    \"" + B
                + "\": [\"1.0\"]\n");

        assertTrue(plan.refused());
        assertEquals(ErrorCode.PROMOTION_OVERLAPPING_EDGES, plan.problems().get(0).code());
        assertTrue(plan.problems().get(0).message().contains("images/x/images.yaml:1"));
        assertEquals(List.of(), inventory.asked);
    }

    @Test
    void plan_digestMissingFromSource_isReportedLostAndSkipped() {
        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": []\n");

        assertFalse(plan.refused());
        assertEquals(List.of(), plan.copies());
        assertEquals(ErrorCode.PROMOTION_LOST_DIGEST, plan.problems().get(0).code());
        assertTrue(plan.problems().get(0).toString().startsWith("_LOST_"));
    }

    @Test
    void plan_childOfAnIndex_isSkippedWithTheIndexNamed() {
        inventory.put("staging.example", "app", A.toString(), A, MediaTypes.OCI_MANIFEST);
        inventory.children.put(A, B);

        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": [\"amd64\"]\n");

        assertEquals(ErrorCode.PROMOTION_CHILD_DIGEST, plan.problems().get(0).code());
        assertTrue(plan.problems().get(0).message().contains("promote the index instead"));
        assertEquals(List.of(), plan.copies());
    }

    @Test
    void plan_unsignedApproval_refusesThePlan() {
        inventory.put("staging.example", "app", A.toString(), A, MediaTypes.OCI_MANIFEST);

        PromotionPlan plan = plan("- name: app\n  dmap:\n    \"" + A + "\": [\"1.0\"]\n", (file, digest) -> {
            throw new SlipwayException(ErrorCode.PROMOTION_UNSIGNED_COMMIT, "commit abc is not signed");
        });

        assertTrue(plan.refused());
        assertEquals(ErrorCode.PROMOTION_UNSIGNED_COMMIT, plan.problems().get(0).code());
    }

    /** Registries in memory, recording what the planner asked. */
    private static final class FakeInventory implements RegistryInventory {
        final Map<String, ManifestInfo> manifests = new HashMap<>();
        final Map<Digest, Digest> children = new HashMap<>();
        final List<String> asked = new ArrayList<>();

        void put(String host, String repository, String reference, Digest digest, String mediaType) {
            manifests.put(host + "/" + repository + ":" + reference, new ManifestInfo(digest, mediaType, 100));
        }

        @Override
        public synchronized Optional<ManifestInfo> head(String host, String repository, String reference) {
            asked.add("HEAD " + host + "/" + repository + ":" + reference);
            return Optional.ofNullable(manifests.get(host + "/" + repository + ":" + reference));
        }

        @Override
        public Map<Digest, Digest> indexChildren(String host, String repository) {
            return children;
        }
    }
}
