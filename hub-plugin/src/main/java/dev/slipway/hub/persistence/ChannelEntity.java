package dev.slipway.hub.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A row of {@code channels}. */
@Entity
@Table(name = "channels")
public class ChannelEntity {
    @Id
    @GeneratedValue(generator = "channels_seq")
    @SequenceGenerator(name = "channels_seq", sequenceName = "channels_seq", allocationSize = 50)
    public Long id;
    public String name;
    public String description;
}
