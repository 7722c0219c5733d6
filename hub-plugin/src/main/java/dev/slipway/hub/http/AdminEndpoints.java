package dev.slipway.hub.http;

import dev.slipway.common.api.Admin;
import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.auth.Role;
import java.util.Arrays;
import java.util.List;

/** The admin calls: targets, tags, package lists, channels, hosts, users, groups, roles and tokens. */
final class AdminEndpoints {
    private final Catalog catalog;
    private final Hosts hosts;
    private final Accounts accounts;

    AdminEndpoints(Catalog catalog, Hosts hosts, Accounts accounts) {
        this.catalog = catalog;
        this.hosts = hosts;
        this.accounts = accounts;
    }

    Object targets(Call c) {
        c.query();
        return catalog.targets();
    }

    Object createTarget(Call c) {
        return Reply.created(catalog.createTarget(c.principal(), c.body(Admin.Target.class)));
    }

    Object updateTarget(Call c) {
        return catalog.updateTarget(c.principal(), c.path("name"), c.body(Admin.Target.class));
    }

    Object tags(Call c) {
        c.query();
        return catalog.tags();
    }

    Object createTag(Call c) {
        return Reply.created(catalog.createTag(c.principal(), c.body(Admin.Tag.class)));
    }

    Object updateTag(Call c) {
        return catalog.updateTag(c.principal(), c.path("name"), c.body(Admin.Tag.class));
    }

    Object packages(Call c) {
        c.query();
        return catalog.packages(c.path("name"));
    }

    Object setPackage(Call c) {
        return catalog.setPackage(c.principal(), c.path("name"), c.path("package"), c.body(Admin.TagPackage.class));
    }

    Object channels(Call c) {
        c.query();
        return catalog.channels();
    }

    Object createChannel(Call c) {
        return Reply.created(catalog.createChannel(c.principal(), c.body(Admin.Channel.class)));
    }

    Object hosts(Call c) {
        c.query();
        return hosts.list();
    }

    Object host(Call c) {
        c.query();
        return hosts.get(c.path("name"));
    }

    Object createHost(Call c) {
        return Reply.created(hosts.create(c.principal(), c.body(Admin.Host.class)));
    }

    Object updateHost(Call c) {
        return hosts.update(c.principal(), c.path("name"), c.body(Admin.Host.class));
    }

    Object users(Call c) {
        c.query();
        return accounts.users();
    }

    Object user(Call c) {
        c.query();
        return accounts.user(c.path("name"));
    }

    Object createUser(Call c) {
        return Reply.created(accounts.createUser(c.principal(), c.body(Admin.User.class)));
    }

    Object updateUser(Call c) {
        return accounts.updateUser(c.principal(), c.path("name"), c.body(Admin.User.class));
    }

    Object groups(Call c) {
        c.query();
        return accounts.groups();
    }

    Object putGroup(Call c) {
        return accounts.putGroup(c.principal(), c.path("name"), c.body(Admin.Group.class));
    }

    Object roles(Call c) {
        c.query();
        return Arrays.stream(Role.values()).map(Role::id).toList();
    }

    Object tokens(Call c) {
        c.query();
        return accounts.tokens(c.principal());
    }

    Object createToken(Call c) {
        return Reply.created(accounts.createToken(c.principal(), c.body(Admin.TokenRequest.class)));
    }

    Object revokeToken(Call c) {
        accounts.revoke(c.principal(), c.id("id"));
        return Reply.noContent();
    }

    Object whoami(Call c) {
        c.query();
        return c.principal().isUser() ? accounts.user(c.principal().name())
                : new Admin.User(c.principal().name(), List.of(), List.of());
    }
}
