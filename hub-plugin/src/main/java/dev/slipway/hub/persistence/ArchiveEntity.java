package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A row of {@code archives}: a file a build produced, where the mirror keeps it and its checksum. */
@Entity
@Table(name = "archives")
public class ArchiveEntity {
    @Id
    @GeneratedValue(generator = "archives_seq")
    @SequenceGenerator(name = "archives_seq", sequenceName = "archives_seq", allocationSize = 50)
    public Long id;
    @Column(name = "build_id")
    public Long buildId;
    public String filename;
    public String relpath;
    public String type;
    public String arch;
    public Long size;
    public String checksum;
    @Column(name = "checksum_type")
    public String checksumType;
}
