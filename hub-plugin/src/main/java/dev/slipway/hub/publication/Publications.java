package dev.slipway.hub.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.image.Digest;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.persistence.BuildEntity;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.ImageEntity;
import dev.slipway.hub.persistence.PublicationEntity;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Records where builds were published (from promotion audit lines) and answers which publications a build or a
 * digest has. Recording is idempotent on (destination, digest): the first record wins and is answered again.
 */
public final class Publications {
    private final Database db;
    private final ObjectMapper json;

    public Publications(Database db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The answer to a record call: the stored publication and whether this call created it. */
    public record Recorded(Publication publication, boolean created) {
    }

    /** Records {@code request} for the build whose image has its digest; releng and admin only. */
    public Recorded record(Principal caller, PublicationRequest request) {
        caller.require(caller.isReleng(), "record publications (releng or admin only)");
        PublicationRequest.Checked r = request.validated();
        try {
            return db.tx(s -> existing(s, r).map(p -> new Recorded(p, false)).orElseGet(() -> insert(s, r, caller)));
        } catch (ConstraintViolationException e) {
            // A concurrent call stored the same (destination, digest) first: answer its record, as a repeat would.
            return db.tx(s -> existing(s, r).map(p -> new Recorded(p, false)).orElseThrow(() -> e));
        }
    }

    /** A build's publications, oldest first. */
    public List<Publication> forBuild(long buildId) {
        return db.tx(s -> s.createSelectionQuery("from PublicationEntity where buildId = :b order by publishedAt, id",
                PublicationEntity.class).setParameter("b", buildId).getResultList().stream()
                .map(p -> view(s, p)).toList());
    }

    /** The publications of one manifest digest, oldest first. */
    public List<Publication> byDigest(String digest) {
        Digest d;
        try {
            d = Digest.parse(digest);
        } catch (RuntimeException e) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "digest must be sha256:<64 hex>, not '" + digest + "'");
        }
        return db.tx(s -> s.createSelectionQuery("from PublicationEntity where digest = :d order by publishedAt, id",
                PublicationEntity.class).setParameter("d", d.toString()).getResultList().stream()
                .map(p -> view(s, p)).toList());
    }

    private Optional<Publication> existing(Session s, PublicationRequest.Checked r) {
        return s.createSelectionQuery("from PublicationEntity where destination = :dest and digest = :d",
                PublicationEntity.class).setParameter("dest", r.destination())
                .setParameter("d", r.digest().toString()).getResultList().stream().findFirst().map(p -> view(s, p));
    }

    private Recorded insert(Session s, PublicationRequest.Checked r, Principal caller) {
        ImageEntity image = s.createSelectionQuery("from ImageEntity where digest = :d order by id", ImageEntity.class)
                .setParameter("d", r.digest().toString()).setMaxResults(1).getResultList().stream().findFirst()
                .orElseThrow(() -> new SlipwayException(ErrorCode.PUBLICATION_IMAGE_NOT_FOUND, "Tried to record the "
                        + "publication of " + r.destination() + "@" + r.digest() + " but no build has an image with "
                        + "that manifest digest"));
        PublicationEntity p = new PublicationEntity();
        p.buildId = image.buildId;
        p.imageId = image.id;
        p.source = r.source();
        p.destination = r.destination();
        p.digest = r.digest().toString();
        p.tags = write(r.tags());
        p.publishedAt = r.publishedAt();
        p.manifestFile = r.manifestFile();
        p.approvingCommit = r.commit();
        p.author = r.author();
        p.signatureStatus = r.signature().name();
        p.signer = r.signer();
        p.publishingRules = r.publishingRules();
        p.recordedBy = caller.name();
        s.persist(p);
        s.flush();
        return new Recorded(view(s, p), true);
    }

    private Publication view(Session s, PublicationEntity p) {
        BuildEntity b = s.get(BuildEntity.class, p.buildId);
        List<String> tags;
        try {
            tags = json.readValue(p.tags, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("publications.tags holds invalid JSON for id " + p.id, e);
        }
        return new Publication(p.id, p.buildId, b.nvr(), p.source, p.destination, p.digest,
                p.destination + "@" + p.digest, tags, p.publishedAt, p.manifestFile, p.approvingCommit, p.author,
                p.signatureStatus, p.signer, p.publishingRules, p.recordedBy);
    }

    private String write(List<String> tags) {
        try {
            return json.writeValueAsString(tags);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tried to write tags as JSON", e);
        }
    }
}
