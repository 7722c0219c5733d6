package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code tokens}: the SHA-256 of a bearer secret, for exactly one user or host. */
@Entity
@Table(name = "tokens")
public class TokenEntity {
    @Id
    @GeneratedValue(generator = "tokens_seq")
    @SequenceGenerator(name = "tokens_seq", sequenceName = "tokens_seq", allocationSize = 50)
    public Long id;
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "user_id")
    public Long userId;
    @Column(name = "host_id")
    public Long hostId;
    public String description;
    public Instant created;
    public Instant revoked;
}
