package dev.slipway.hub.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of {@code task_log}: one line of a task's append-only log, numbered from 0. */
@Entity
@Table(name = "task_log")
public class LogLineEntity {
    @EmbeddedId
    public Key key;
    public String line;

    /** The (task, line number) key. */
    @Embeddable
    public record Key(@Column(name = "task_id") Long taskId, @Column(name = "line_no") Long lineNo)
            implements Serializable {
    }
}
