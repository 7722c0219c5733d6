package dev.slipway.hub.persistence;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A row of {@code user_groups} with the ids of its members. */
@Entity
@Table(name = "user_groups")
public class GroupEntity {
    @Id
    @GeneratedValue(generator = "user_groups_seq")
    @SequenceGenerator(name = "user_groups_seq", sequenceName = "user_groups_seq", allocationSize = 50)
    public Long id;
    public String name;
    @ElementCollection
    @CollectionTable(name = "group_members", joinColumns = @JoinColumn(name = "group_id"))
    @Column(name = "user_id")
    public Set<Long> memberIds = new HashSet<>();
}
