package dev.slipway.hub.auth;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.Set;

/**
 * Who is calling: anonymous, a user with roles and groups, or a build host. Resolved once per request from the
 * bearer token.
 */
public record Principal(Kind kind, long id, String name, Set<Role> roles, Set<Long> groupIds) {
    /** The three kinds of caller. */
    public enum Kind { ANONYMOUS, USER, HOST }

    /** The caller without a token. */
    public static final Principal ANONYMOUS = new Principal(Kind.ANONYMOUS, 0, "anonymous", Set.of(), Set.of());

    public Principal {
        roles = Set.copyOf(roles);
        groupIds = Set.copyOf(groupIds);
    }

    public boolean isUser() {
        return kind == Kind.USER;
    }

    public boolean isHost() {
        return kind == Kind.HOST;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    /** Admin or releng: may build any package and manage targets, tags and package lists. */
    public boolean isReleng() {
        return has(Role.ADMIN) || has(Role.RELENG);
    }

    /** Any role that may submit builds at all. */
    public boolean mayBuild() {
        return has(Role.ADMIN) || has(Role.RELENG) || has(Role.PACKAGER);
    }

    /** Throws PERMISSION_DENIED naming {@code what} unless {@code allowed}. */
    public void require(boolean allowed, String what) {
        if (!allowed) {
            throw new SlipwayException(ErrorCode.PERMISSION_DENIED, name + " may not " + what);
        }
    }
}
