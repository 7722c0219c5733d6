package dev.slipway.hub.persistence;

import dev.slipway.common.api.TaskState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tasks}: one Koji task, its request and result as JSON text. */
@Entity
@Table(name = "tasks")
public class TaskEntity {
    @Id
    @GeneratedValue(generator = "tasks_seq")
    @SequenceGenerator(name = "tasks_seq", sequenceName = "tasks_seq", allocationSize = 50)
    public Long id;
    public String method;
    @Enumerated(EnumType.STRING)
    public TaskState state;
    @Column(name = "owner_id")
    public Long ownerId;
    @Column(name = "channel_id")
    public Long channelId;
    @Column(name = "host_id")
    public Long hostId;
    public String arch;
    public int priority;
    public double weight;
    @Column(name = "target_id")
    public Long targetId;
    public String component;
    public String request;
    public String result;
    public String fault;
    public Instant created;
    public Instant started;
    public Instant completed;
    @Column(name = "lease_expires")
    public Instant leaseExpires;
    /** The fencing token: incremented by every claim, so each lease of the task has its own epoch. */
    @Column(name = "lease_epoch")
    public long leaseEpoch;
    @Column(name = "resubmitted_from")
    public Long resubmittedFrom;
    /** When a host last claimed it (null while FREE). */
    public Instant assigned;
    /** When its last lease expired, returning it to FREE. */
    @Column(name = "lease_lost")
    public Instant leaseLost;
    /** The host whose lease expired then, by name. */
    @Column(name = "lease_lost_host")
    public String leaseLostHost;
}
