package dev.slipway.hub.persistence;

import dev.slipway.common.api.BuildState;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A row of {@code builds}: one NVR, with the tags it is in and the builds its parents came from. */
@Entity
@Table(name = "builds")
public class BuildEntity {
    @Id
    @GeneratedValue(generator = "builds_seq")
    @SequenceGenerator(name = "builds_seq", sequenceName = "builds_seq", allocationSize = 50)
    public Long id;
    public String name;
    public String version;
    public String release;
    @Enumerated(EnumType.STRING)
    public BuildState state;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "task_id")
    public Long taskId;
    @Column(name = "target_id")
    public Long targetId;
    public String source;
    public String mirror;
    public String extra;
    public Instant started;
    public Instant completed;
    @ElementCollection
    @CollectionTable(name = "build_tags", joinColumns = @JoinColumn(name = "build_id"))
    @Column(name = "tag_id")
    public Set<Long> tagIds = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "build_parents", joinColumns = @JoinColumn(name = "build_id"))
    @Column(name = "parent_build_id")
    public Set<Long> parentIds = new HashSet<>();

    /** {@code name-version-release}. */
    public String nvr() {
        return name + "-" + version + "-" + release;
    }
}
