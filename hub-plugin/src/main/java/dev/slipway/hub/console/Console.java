package dev.slipway.hub.console;

import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.time.Clock;
import java.time.Duration;

/**
 * The console's per-process parts, shared by every HTTP verticle instance (so all of them honour the same
 * session key): the pages and the sessions.
 */
public record Console(Pages pages, Sessions sessions) {
    /** The console over the hub's services. */
    public static Console of(HubConfig.Console config, Authenticator auth, TaskService tasks, TaskLog log,
            BuildQueries builds, Hosts hosts, Clock clock) {
        return new Console(new Pages(tasks, log, builds, hosts, clock),
                new Sessions(auth, config.sessionKey(), Duration.ofHours(config.sessionHours()), clock));
    }
}
