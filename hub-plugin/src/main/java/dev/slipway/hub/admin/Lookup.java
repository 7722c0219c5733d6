package dev.slipway.hub.admin;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.persistence.ChannelEntity;
import dev.slipway.hub.persistence.GroupEntity;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TagEntity;
import dev.slipway.hub.persistence.TargetEntity;
import dev.slipway.hub.persistence.UserEntity;
import java.util.List;
import org.hibernate.Session;

/** Finds admin objects by name inside a session, throwing the matching NOT_FOUND code when absent. */
final class Lookup {
    private Lookup() {
    }

    static TagEntity tag(Session s, String name) {
        return byName(s, TagEntity.class, name, ErrorCode.TAG_NOT_FOUND, "Tag");
    }

    static TargetEntity target(Session s, String name) {
        return byName(s, TargetEntity.class, name, ErrorCode.TARGET_NOT_FOUND, "Build target");
    }

    static UserEntity user(Session s, String name) {
        return byName(s, UserEntity.class, name, ErrorCode.USER_NOT_FOUND, "User");
    }

    static GroupEntity group(Session s, String name) {
        return byName(s, GroupEntity.class, name, ErrorCode.GROUP_NOT_FOUND, "Group");
    }

    static HostEntity host(Session s, String name) {
        return byName(s, HostEntity.class, name, ErrorCode.HOST_NOT_FOUND, "Host");
    }

    static ChannelEntity channel(Session s, String name) {
        return byName(s, ChannelEntity.class, name, ErrorCode.CHANNEL_NOT_FOUND, "Channel");
    }

    static <T> boolean exists(Session s, Class<T> type, String name) {
        return !s.createSelectionQuery("from " + type.getSimpleName() + " where name = :n", type)
                .setParameter("n", name).getResultList().isEmpty();
    }

    static void requireAbsent(Session s, Class<?> type, String what, String name) {
        if (exists(s, type, name)) {
            throw new SlipwayException(ErrorCode.ALREADY_EXISTS, what + " '" + name + "' already exists");
        }
    }

    private static <T> T byName(Session s, Class<T> type, String name, ErrorCode missing, String what) {
        List<T> rows = s.createSelectionQuery("from " + type.getSimpleName() + " where name = :n", type)
                .setParameter("n", name).getResultList();
        if (rows.isEmpty()) {
            throw new SlipwayException(missing, what + " '" + name + "' does not exist");
        }
        return rows.get(0);
    }
}
