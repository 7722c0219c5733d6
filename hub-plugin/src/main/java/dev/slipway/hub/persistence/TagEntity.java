package dev.slipway.hub.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A row of {@code tags}; {@code arches} is space-separated. */
@Entity
@Table(name = "tags")
public class TagEntity {
    @Id
    @GeneratedValue(generator = "tags_seq")
    @SequenceGenerator(name = "tags_seq", sequenceName = "tags_seq", allocationSize = 50)
    public Long id;
    public String name;
    public String arches;
    public boolean locked;
}
