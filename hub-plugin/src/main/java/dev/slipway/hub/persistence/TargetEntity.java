package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A row of {@code targets}. */
@Entity
@Table(name = "targets")
public class TargetEntity {
    @Id
    @GeneratedValue(generator = "targets_seq")
    @SequenceGenerator(name = "targets_seq", sequenceName = "targets_seq", allocationSize = 50)
    public Long id;
    public String name;
    @Column(name = "build_tag_id")
    public Long buildTagId;
    @Column(name = "dest_tag_id")
    public Long destTagId;
}
