package dev.slipway.hub.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * The names of users, channels, hosts, tags and targets by id, each read from the database once per process. A
 * name is given when the row is made and never changes, and rows are never deleted, so a remembered name stays
 * true for every hub process; views of tasks and builds then cost no query per name.
 */
public final class EntityNames {
    private final Map<Long, String> users = new ConcurrentHashMap<>();
    private final Map<Long, String> channels = new ConcurrentHashMap<>();
    private final Map<Long, String> hosts = new ConcurrentHashMap<>();
    private final Map<Long, String> tags = new ConcurrentHashMap<>();
    private final Map<Long, String> targets = new ConcurrentHashMap<>();

    public String user(Session s, long id) {
        return name(users, id, i -> s.get(UserEntity.class, i).name);
    }

    public String channel(Session s, long id) {
        return name(channels, id, i -> s.get(ChannelEntity.class, i).name);
    }

    /** The host's name, or null for no host. */
    public String host(Session s, Long id) {
        return id == null ? null : name(hosts, id, i -> s.get(HostEntity.class, i).name);
    }

    public String tag(Session s, long id) {
        return name(tags, id, i -> s.get(TagEntity.class, i).name);
    }

    /** The target's name, or null for no target. */
    public String target(Session s, Long id) {
        return id == null ? null : name(targets, id, i -> s.get(TargetEntity.class, i).name);
    }

    /** The user's name if this process has read it already, else null (the caller then reads it in a session). */
    public String knownUser(long id) {
        return users.get(id);
    }

    /** The channel's name if already read, else null. */
    public String knownChannel(long id) {
        return channels.get(id);
    }

    /** The host's name if already read, else null. */
    public String knownHost(long id) {
        return hosts.get(id);
    }

    private static String name(Map<Long, String> cache, long id, Function<Long, String> load) {
        String name = cache.get(id);
        if (name == null) {
            name = load.apply(id);
            cache.put(id, name);
        }
        return name;
    }
}
