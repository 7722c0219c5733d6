package dev.slipway.hub.admin;

import dev.slipway.common.api.Admin;
import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.auth.Principal;
import dev.slipway.hub.auth.Role;
import dev.slipway.hub.auth.Tokens;
import dev.slipway.hub.naming.Names;
import dev.slipway.hub.persistence.Database;
import dev.slipway.hub.persistence.GroupEntity;
import dev.slipway.hub.persistence.HostEntity;
import dev.slipway.hub.persistence.TokenEntity;
import dev.slipway.hub.persistence.UserEntity;
import java.time.Clock;
import java.util.List;
import org.hibernate.Session;

/** Users, their roles, groups and bearer tokens (admin only), and the bootstrap of the first admin. */
public final class Accounts {
    private final Database db;
    private final Clock clock;
    private final Tokens tokens;
    private final Authenticator auth;

    public Accounts(Database db, Clock clock, Tokens tokens, Authenticator auth) {
        this.db = db;
        this.clock = clock;
        this.tokens = tokens;
        this.auth = auth;
    }

    public List<Admin.User> users() {
        return db.tx(s -> s.createSelectionQuery("from UserEntity order by name", UserEntity.class).getResultList()
                .stream().map(u -> user(s, u)).toList());
    }

    public Admin.User user(String name) {
        return db.tx(s -> user(s, Lookup.user(s, name)));
    }

    public Admin.User createUser(Principal p, Admin.User u) {
        p.require(p.isAdmin(), "add users (admin only)");
        Names.check("user", u.name());
        List<String> roles = u.roles() == null ? List.of(Role.PACKAGER.id()) : u.roles();
        roles.forEach(Role::parse);
        return db.tx(s -> {
            Lookup.requireAbsent(s, UserEntity.class, "User", u.name());
            UserEntity e = new UserEntity();
            e.name = u.name();
            e.created = clock.instant();
            e.roles.addAll(roles);
            s.persist(e);
            return user(s, e);
        });
    }

    /** Replaces a user's roles. */
    public Admin.User updateUser(Principal p, String name, Admin.User u) {
        p.require(p.isAdmin(), "change roles (admin only)");
        if (u.roles() != null) {
            u.roles().forEach(Role::parse);
        }
        Admin.User out = db.tx(s -> {
            UserEntity e = Lookup.user(s, name);
            if (u.roles() != null) {
                e.roles.clear();
                e.roles.addAll(u.roles());
            }
            return user(s, e);
        });
        auth.invalidate();
        return out;
    }

    public List<Admin.Group> groups() {
        return db.tx(s -> s.createSelectionQuery("from GroupEntity order by name", GroupEntity.class).getResultList()
                .stream().map(g -> group(s, g)).toList());
    }

    /** Creates a group or replaces its members. */
    public Admin.Group putGroup(Principal p, String name, Admin.Group g) {
        p.require(p.isAdmin(), "edit groups (admin only)");
        Names.check("group", name);
        Admin.Group out = db.tx(s -> {
            GroupEntity e = Lookup.exists(s, GroupEntity.class, name) ? Lookup.group(s, name) : null;
            if (e == null) {
                e = new GroupEntity();
                e.name = name;
                s.persist(e);
            }
            if (g.members() != null) {
                e.memberIds.clear();
                for (String m : g.members()) {
                    e.memberIds.add(Lookup.user(s, m).id);
                }
            }
            return group(s, e);
        });
        auth.invalidate();
        return out;
    }

    /** Creates a token for exactly one user or host; the secret is in the answer and nowhere else. */
    public Admin.TokenCreated createToken(Principal p, Admin.TokenRequest r) {
        p.require(p.isAdmin(), "create tokens (admin only)");
        if ((r.user() == null) == (r.host() == null)) {
            throw new SlipwayException(ErrorCode.BAD_PARAMETER, "A token is for exactly one of user or host");
        }
        return db.tx(s -> issue(s, r));
    }

    public List<Admin.Token> tokens(Principal p) {
        p.require(p.isAdmin(), "list tokens (admin only)");
        return db.tx(s -> s.createSelectionQuery("from TokenEntity order by id", TokenEntity.class).getResultList()
                .stream().map(t -> new Admin.Token(t.id, t.userId == null ? null : s.get(UserEntity.class, t.userId).name,
                        t.hostId == null ? null : s.get(HostEntity.class, t.hostId).name, t.description, t.created,
                        t.revoked)).toList());
    }

    public void revoke(Principal p, long id) {
        p.require(p.isAdmin(), "revoke tokens (admin only)");
        db.tx(s -> {
            TokenEntity t = s.get(TokenEntity.class, id);
            if (t == null) {
                throw new SlipwayException(ErrorCode.TOKEN_NOT_FOUND, "Token " + id + " does not exist");
            }
            if (t.revoked == null) {
                t.revoked = clock.instant();
            }
            return t;
        });
        auth.invalidate();
    }

    /** Bootstrap: creates (or reuses) admin user {@code name} and returns a fresh token for it. */
    public Admin.TokenCreated initAdmin(String name) {
        Names.check("user", name);
        return db.tx(s -> {
            UserEntity u = Lookup.exists(s, UserEntity.class, name) ? Lookup.user(s, name) : null;
            if (u == null) {
                u = new UserEntity();
                u.name = name;
                u.created = clock.instant();
                s.persist(u);
            }
            u.roles.add(Role.ADMIN.id());
            return issue(s, new Admin.TokenRequest(name, null, "bootstrap (init-admin)"));
        });
    }

    /** Bootstrap: makes sure each configured token hash belongs to user {@code admin} with the admin role. */
    public void seedAdminHashes(List<String> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        db.tx(s -> {
            UserEntity u = Lookup.exists(s, UserEntity.class, "admin") ? Lookup.user(s, "admin") : null;
            if (u == null) {
                u = new UserEntity();
                u.name = "admin";
                u.created = clock.instant();
                s.persist(u);
                s.flush();
            }
            u.roles.add(Role.ADMIN.id());
            for (String h : hashes) {
                if (!h.matches("[0-9a-f]{64}")) {
                    throw new SlipwayException(ErrorCode.CONFIG_INVALID, "admin_token_sha256 entries are 64 hex digits");
                }
                if (s.createSelectionQuery("from TokenEntity where tokenHash = :h", TokenEntity.class)
                        .setParameter("h", h).getResultList().isEmpty()) {
                    TokenEntity t = new TokenEntity();
                    t.tokenHash = h;
                    t.userId = u.id;
                    t.description = "seeded from configuration";
                    t.created = clock.instant();
                    s.persist(t);
                }
            }
            return u;
        });
    }

    private Admin.TokenCreated issue(Session s, Admin.TokenRequest r) {
        TokenEntity t = new TokenEntity();
        String secret = tokens.newSecret();
        t.tokenHash = Tokens.hash(secret);
        t.userId = r.user() == null ? null : Lookup.user(s, r.user()).id;
        t.hostId = r.host() == null ? null : Lookup.host(s, r.host()).id;
        t.description = r.description();
        t.created = clock.instant();
        s.persist(t);
        return new Admin.TokenCreated(t.id, secret, r.user(), r.host());
    }

    private static Admin.User user(Session s, UserEntity u) {
        List<String> groups = s.createSelectionQuery("select g.name from GroupEntity g join g.memberIds m"
                + " where m = :u order by g.name", String.class).setParameter("u", u.id).getResultList();
        return new Admin.User(u.name, u.roles.stream().sorted().toList(), groups);
    }

    private static Admin.Group group(Session s, GroupEntity g) {
        return new Admin.Group(g.name, g.memberIds.stream().map(id -> s.get(UserEntity.class, id).name).sorted()
                .toList());
    }
}
