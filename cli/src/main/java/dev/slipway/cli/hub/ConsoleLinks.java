package dev.slipway.cli.hub;

import java.net.URI;

/** The hub's console pages the client prints for a task or a build (served by the hub under {@code /console}). */
public record ConsoleLinks(URI hub) {
    public String task(long id) {
        return hub + "/console/tasks/" + id;
    }

    public String build(String idOrNvr) {
        return hub + "/console/builds/" + idOrNvr;
    }

    /** The API record of a task (what {@code koji taskinfo} shows, as JSON). */
    public String taskApi(long id) {
        return hub + "/api/v1/tasks/" + id;
    }
}
