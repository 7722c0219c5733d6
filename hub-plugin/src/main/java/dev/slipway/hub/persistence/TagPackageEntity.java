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

/** A row of {@code tag_packages}: a package in a tag's list, its owner, blocked flag and allowed groups. */
@Entity
@Table(name = "tag_packages")
public class TagPackageEntity {
    @Id
    @GeneratedValue(generator = "tag_packages_seq")
    @SequenceGenerator(name = "tag_packages_seq", sequenceName = "tag_packages_seq", allocationSize = 50)
    public Long id;
    @Column(name = "tag_id")
    public Long tagId;
    @Column(name = "package_name")
    public String packageName;
    @Column(name = "owner_id")
    public Long ownerId;
    public boolean blocked;
    @ElementCollection
    @CollectionTable(name = "tag_package_groups", joinColumns = @JoinColumn(name = "tag_package_id"))
    @Column(name = "group_id")
    public Set<Long> groupIds = new HashSet<>();
}
