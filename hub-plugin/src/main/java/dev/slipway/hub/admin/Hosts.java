package dev.slipway.hub.admin;

import dev.slipway.common.api.Admin;
import dev.slipway.common.api.HostProtocol;
import dev.slipway.common.api.TaskState;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.naming.Names;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.EntityNames;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.task.TaskEvents;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Build hosts: admins add them (Koji's add-host) and enable, disable or re-channel them; a host registers itself
 * with its arches, channels, capacity and readiness through the host API.
 */
public final class Hosts {
    private static final List<TaskState> HELD = List.of(TaskState.ASSIGNED, TaskState.OPEN);
    private final Database db;
    private final Clock clock;
    private final TaskEvents events;
    private final EntityNames names = new EntityNames();

    public Hosts(Database db, Clock clock, TaskEvents events) {
        this.db = db;
        this.clock = clock;
        this.events = events;
    }

    public List<Admin.Host> list() {
        return db.read(s -> {
            // Every host's load in one grouped query rather than one query per host.
            Map<Long, Double> loads = new HashMap<>();
            s.createSelectionQuery("select t.hostId, sum(t.weight) from TaskEntity t where t.hostId is not null"
                    + " and t.state in (:held) group by t.hostId", Object[].class).setParameterList("held", HELD)
                    .getResultList().forEach(r -> loads.put((Long) r[0], ((Number) r[1]).doubleValue()));
            return s.createSelectionQuery("from HostEntity order by name", HostEntity.class).getResultList()
                    .stream().map(h -> view(s, h, loads.getOrDefault(h.id, 0.0))).toList();
        });
    }

    public Admin.Host get(String name) {
        return db.tx(s -> view(s, Lookup.host(s, name)));
    }

    /** Admin: adds a host (enabled, not ready until it registers). */
    public Admin.Host create(Principal p, Admin.Host h) {
        p.require(p.isAdmin(), "add hosts (admin only)");
        Names.check("host", h.name());
        return db.tx(s -> {
            Lookup.requireAbsent(s, HostEntity.class, "Host", h.name());
            HostEntity e = new HostEntity();
            e.name = h.name();
            e.arches = Catalog.arches(h.arches() == null ? List.of() : h.arches());
            e.capacity = capacity(h.capacity() == null ? 2.0 : h.capacity());
            e.enabled = h.enabled() == null || h.enabled();
            e.ready = false;
            e.description = h.description();
            e.channelIds = channels(s, h.channels() == null ? List.of("default", "container") : h.channels());
            s.persist(e);
            return view(s, e);
        });
    }

    /** Admin: enable or disable, change capacity, arches, channels or description. */
    public Admin.Host update(Principal p, String name, Admin.Host h) {
        p.require(p.isAdmin(), "edit hosts (admin only)");
        Admin.Host out = db.tx(s -> {
            HostEntity e = Lookup.host(s, name);
            if (h.enabled() != null) {
                e.enabled = h.enabled();
            }
            if (h.ready() != null) {
                e.ready = h.ready();
            }
            apply(s, e, h.arches(), h.channels(), h.capacity(), h.description());
            return view(s, e);
        });
        events.taskRunnable();
        return out;
    }

    /** Host API: the host reports what it can run and whether it is ready. */
    public Admin.Host register(long hostId, HostProtocol.Update u) {
        Admin.Host out = db.tx(s -> {
            HostEntity e = s.get(HostEntity.class, hostId);
            apply(s, e, u.arches(), u.channels(), u.capacity(), u.description());
            if (u.ready() != null) {
                e.ready = u.ready();
            }
            e.lastSeen = clock.instant();
            return view(s, e);
        });
        events.taskRunnable();
        return out;
    }

    private static void apply(Session s, HostEntity e, List<String> arches, List<String> channels, Double capacity,
            String description) {
        if (arches != null) {
            e.arches = Catalog.arches(arches);
        }
        if (channels != null) {
            e.channelIds.clear();
            e.channelIds.addAll(channels(s, channels));
        }
        if (capacity != null) {
            e.capacity = capacity(capacity);
        }
        if (description != null) {
            e.description = description;
        }
    }

    private static double capacity(double c) {
        if (!(c > 0 && c <= 1000)) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "capacity must be above 0 and at most 1000");
        }
        return c;
    }

    private static Set<Long> channels(Session s, List<String> names) {
        Set<Long> ids = new HashSet<>();
        for (String n : names) {
            ids.add(Lookup.channel(s, n).id);
        }
        return ids;
    }

    private Admin.Host view(Session s, HostEntity h) {
        return view(s, h, s.createSelectionQuery("select coalesce(sum(t.weight), 0) from TaskEntity t"
                + " where t.hostId = :h and t.state in (:held)", Double.class).setParameter("h", h.id)
                .setParameterList("held", HELD).getSingleResult());
    }

    private Admin.Host view(Session s, HostEntity h, double load) {
        List<String> channels = h.channelIds.stream().map(id -> names.channel(s, id)).sorted().toList();
        return new Admin.Host(h.name, Catalog.archList(h.arches), channels, h.capacity, load, h.enabled, h.ready,
                h.description, h.lastSeen);
    }
}
