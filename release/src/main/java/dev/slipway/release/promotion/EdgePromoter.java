package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.ImageCopier;
import dev.slipway.registry.ImageCopyResult;
import dev.slipway.registry.ManifestInfo;
import dev.slipway.registry.RegistryClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Promotes one planned edge: copies the digest (mounting inside one registry, streaming across registries), then
 * verifies with HEADs that the digest and every tag resolve to it in the destination, and returns the record.
 */
final class EdgePromoter {
    private final Function<String, RegistryClient> clients;
    private final ImageCopier copier;
    private final Clock clock;
    private final String publishingRules;

    EdgePromoter(Function<String, RegistryClient> clients, ImageCopier copier, Clock clock, String publishingRules) {
        this.clients = clients;
        this.copier = copier;
        this.clock = clock;
        this.publishingRules = publishingRules;
    }

    /** The verified edge's record and what the copy moved. */
    record Promoted(PromotionRecord record, ImageCopyResult copy) {
    }

    Promoted promote(PlannedEdge planned) {
        PromotionEdge edge = planned.edge();
        RegistryClient destination = clients.apply(edge.destination().host());
        ImageCopyResult copy;
        try {
            copy = copier.copy(clients.apply(edge.source().host()), edge.sourceRepository(), edge.digest(),
                    destination, edge.destinationRepository(), planned.missingTags());
        } catch (SlipwayException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_COPY_FAILED,
                    "Tried to promote " + edge + " but the copy failed: " + e.getMessage(), e);
        }
        verify(destination, edge, edge.digest().toString());
        for (String tag : edge.tags()) {
            verify(destination, edge, tag);
        }
        Approval approval = planned.approval().orElseThrow(() -> new IllegalStateException("unapproved " + edge));
        return new Promoted(new PromotionRecord(edge.sourceReference(), edge.destinationName(), edge.digest(),
                edge.tags(), approval, clock.instant(), edge.file(), publishingRules), copy);
    }

    private static void verify(RegistryClient destination, PromotionEdge edge, String reference) {
        Optional<ManifestInfo> found = destination.headManifest(edge.destinationRepository(), reference);
        if (found.isEmpty() || !found.get().digest().equals(edge.digest())) {
            throw new SlipwayException(ErrorCode.PROMOTION_VERIFY_FAILED, "Tried to verify " + edge.destinationName()
                    + (reference.contains(":") ? "@" : ":") + reference + " after promoting " + edge.digest()
                    + " but the destination answered " + found.map(f -> f.digest().toString()).orElse("404"));
        }
    }
}
