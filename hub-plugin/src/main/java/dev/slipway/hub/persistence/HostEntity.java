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
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A row of {@code hosts}; {@code arches} is space-separated as in Koji. */
@Entity
@Table(name = "hosts")
public class HostEntity {
    @Id
    @GeneratedValue(generator = "hosts_seq")
    @SequenceGenerator(name = "hosts_seq", sequenceName = "hosts_seq", allocationSize = 50)
    public Long id;
    public String name;
    public String arches;
    public double capacity;
    public boolean enabled;
    public boolean ready;
    public String description;
    @Column(name = "last_seen")
    public Instant lastSeen;
    @ElementCollection
    @CollectionTable(name = "host_channels", joinColumns = @JoinColumn(name = "host_id"))
    @Column(name = "channel_id")
    public Set<Long> channelIds = new HashSet<>();
}
