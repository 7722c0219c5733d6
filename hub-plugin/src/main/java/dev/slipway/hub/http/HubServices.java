package dev.slipway.hub.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.hub.admin.Accounts;
import dev.slipway.hub.admin.Catalog;
import dev.slipway.hub.admin.Hosts;
import dev.slipway.hub.auth.Authenticator;
import dev.slipway.hub.build.BuildCompletion;
import dev.slipway.hub.build.BuildQueries;
import dev.slipway.hub.build.BuildReservations;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.console.Console;
import dev.slipway.hub.koji.KojiApi;
import dev.slipway.hub.metrics.HubMetrics;
import dev.slipway.hub.publication.Publications;
import dev.slipway.hub.task.Scheduler;
import dev.slipway.hub.task.TaskEvents;
import dev.slipway.hub.task.TaskLog;
import dev.slipway.hub.task.TaskService;
import java.util.function.Supplier;

/**
 * Everything the HTTP verticles call, built once per hub process and shared by every verticle instance.
 *
 * @param koji koji's XML-RPC API over the same services
 * @param queueCounts reads the task counts per state for the metrics (blocking)
 * @param console the web console's pages and sessions
 */
public record HubServices(
        HubConfig config,
        ObjectMapper json,
        Authenticator auth,
        TaskService tasks,
        Scheduler scheduler,
        TaskLog log,
        BuildQueries builds,
        BuildReservations reservations,
        BuildCompletion completion,
        Catalog catalog,
        Hosts hosts,
        Accounts accounts,
        Publications publications,
        KojiApi koji,
        HubMetrics metrics,
        TaskEvents events,
        Supplier<Boolean> databaseUp,
        Runnable queueCounts,
        Console console) {

    /** The same services with another configuration (e.g. once the listen port is known). */
    public HubServices with(HubConfig other) {
        return new HubServices(other, json, auth, tasks, scheduler, log, builds, reservations, completion, catalog, hosts,
                accounts, publications, koji, metrics, events, databaseUp, queueCounts, console);
    }
}
