package dev.slipway.hub.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.hub.persistence.ChannelEntity;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TaskEntity;
import dev.slipway.hub.persistence.UserEntity;
import java.util.List;
import org.hibernate.Session;

/** Maps task rows to the {@link TaskInfo} records the API returns. */
public final class TaskView {
    private final ObjectMapper json;

    public TaskView(ObjectMapper json) {
        this.json = json;
    }

    /** The record for one row, resolving names within the session. */
    public TaskInfo of(Session s, TaskEntity t) {
        List<Long> builds = s.createSelectionQuery("select b.id from BuildEntity b where b.taskId = :t order by b.id",
                Long.class).setParameter("t", t.id).getResultList();
        return of(s, t, builds.isEmpty() ? null : builds.get(builds.size() - 1));
    }

    /** The record for one row whose latest build id the caller already knows (batched reads). */
    TaskInfo of(Session s, TaskEntity t, Long buildId) {
        UserEntity owner = s.get(UserEntity.class, t.ownerId);
        ChannelEntity channel = s.get(ChannelEntity.class, t.channelId);
        HostEntity host = t.hostId == null ? null : s.get(HostEntity.class, t.hostId);
        return new TaskInfo(t.id, t.method, read(t.request), t.state, owner.name, channel.name,
                host == null ? null : host.name, t.arch, t.priority, t.weight, t.created, t.started, t.completed,
                t.result == null ? null : read(t.result), t.fault == null ? null : fault(t.fault), buildId,
                t.resubmittedFrom);
    }

    /** Serialises a value for a JSON text column. */
    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tried to serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses a JSON text column. */
    public JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column holds invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a parsed JSON value to a record. */
    public <T> T convert(JsonNode node, Class<T> type) {
        return json.convertValue(node, type);
    }

    private ApiError fault(String text) {
        return json.convertValue(read(text), ApiError.class);
    }
}
