package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code publications}: one promoted (destination, digest) linked to the build that made the image. */
@Entity
@Table(name = "publications")
public class PublicationEntity {
    @Id
    @GeneratedValue(generator = "publications_seq")
    @SequenceGenerator(name = "publications_seq", sequenceName = "publications_seq", allocationSize = 50)
    public Long id;
    @Column(name = "build_id")
    public Long buildId;
    @Column(name = "image_id")
    public Long imageId;
    public String source;
    public String destination;
    public String digest;
    public String tags;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "manifest_file")
    public String manifestFile;
    @Column(name = "approving_commit")
    public String approvingCommit;
    public String author;
    @Column(name = "signature_status")
    public String signatureStatus;
    public String signer;
    @Column(name = "publishing_rules")
    public String publishingRules;
    @Column(name = "recorded_by")
    public String recordedBy;
}
