package dev.slipway.hub.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.api.ApiError;
import dev.slipway.common.api.TaskInfo;
import dev.slipway.hub.persistence.EntityNames;
import dev.slipway.hub.persistence.TaskEntity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/** Maps task rows to the {@link TaskInfo} records the API returns. */
public final class TaskView {
    private final ObjectMapper json;
    private final EntityNames names = new EntityNames();

    public TaskView(ObjectMapper json) {
        this.json = json;
    }

    /** The record for one row, resolving names within the session. */
    public TaskInfo of(Session s, TaskEntity t) {
        return of(s, List.of(t)).get(0);
    }

    /** The records for a page of rows, in order: one query for all their builds, names from the cache. */
    public List<TaskInfo> of(Session s, List<TaskEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> builds = new HashMap<>();
        s.createSelectionQuery("select b.taskId, max(b.id) from BuildEntity b where b.taskId in (:ids)"
                + " group by b.taskId", Object[].class).setParameterList("ids", rows.stream().map(t -> t.id).toList())
                .getResultList().forEach(r -> builds.put((Long) r[0], (Long) r[1]));
        List<TaskInfo> out = new ArrayList<>(rows.size());
        for (TaskEntity t : rows) {
            out.add(of(s, t, builds.get(t.id)));
        }
        return out;
    }

    /** The record for one row whose latest build id the caller already knows (batched reads). */
    TaskInfo of(Session s, TaskEntity t, Long buildId) {
        return new TaskInfo(t.id, t.method, read(t.request), t.state, names.user(s, t.ownerId),
                names.channel(s, t.channelId), names.host(s, t.hostId), t.arch, t.priority, t.weight, t.created,
                t.started, t.completed, t.result == null ? null : read(t.result),
                t.fault == null ? null : fault(t.fault), buildId, t.resubmittedFrom);
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

    /** The names of users, channels and hosts this view has read. */
    EntityNames names() {
        return names;
    }

    /** Parses a fault column. */
    ApiError fault(String text) {
        return json.convertValue(read(text), ApiError.class);
    }
}
