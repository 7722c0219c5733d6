package dev.slipway.hub.console;

import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Directory;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.publication.Publications;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.time.Clock;
import java.time.Duration;

/**
 * The console's per-process parts, shared by every HTTP verticle instance (so all of them honour the same
 * session key): the pages, the sessions, and which proxies' word on TLS the hub takes.
 */
public final class Console {
    private final Pages pages;
    private final BuildPages builds;
    private final CatalogPages catalog;
    private final HostPages hosts;
    private final AccountPages accounts;
    private final Sessions sessions;
    private final Transport transport;
    private final KojiLinks koji;

    /** The hub's services the console is a client of. */
    public record Services(Authenticator auth, TaskService tasks, TaskLog log, BuildQueries builds, Hosts hosts,
            Catalog catalog, Accounts accounts, Publications publications, Directory directory) {
    }

    private Console(HubConfig.Console config, boolean lookaside, Services s, Clock clock) {
        Templates t = new Templates();
        this.koji = new KojiLinks(s.directory());
        CommitLinks commits = new CommitLinks(config.commitUrl());
        this.pages = new Pages(s.tasks(), s.log(), s.builds(), s.hosts(), commits, clock, t);
        this.builds = new BuildPages(s.builds(), s.publications(), lookaside, commits, t);
        this.catalog = new CatalogPages(s.catalog(), s.builds(), s.tasks(), koji, t);
        this.hosts = new HostPages(s.hosts(), s.tasks(), koji, clock, t);
        this.accounts = new AccountPages(s.accounts(), t);
        this.sessions = new Sessions(s.auth(), config.sessionKey(), Duration.ofHours(config.sessionHours()), clock);
        this.transport = new Transport(config.trustedProxies());
    }

    /**
     * The console over the hub's services.
     *
     * @param lookaside whether the hub serves the signature lookaside under {@code /sigs/} (build pages link it)
     */
    public static Console of(HubConfig.Console config, boolean lookaside, Services services, Clock clock) {
        return new Console(config, lookaside, services, clock);
    }

    Pages pages() {
        return pages;
    }

    BuildPages builds() {
        return builds;
    }

    CatalogPages catalog() {
        return catalog;
    }

    HostPages hosts() {
        return hosts;
    }

    AccountPages accounts() {
        return accounts;
    }

    Sessions sessions() {
        return sessions;
    }

    Transport transport() {
        return transport;
    }

    KojiLinks koji() {
        return koji;
    }
}
