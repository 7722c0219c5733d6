package dev.slipway.hub.console;

import dev.slipway.hub.admin.Directory;

/**
 * kojiweb's id-based link forms ({@code hostinfo?hostID=N}, {@code taginfo?tagID=N}, {@code userinfo?userID=N},
 * {@code buildtargetinfo?targetID=N}, {@code channelinfo?channelID=N}) as the console addresses showing the same
 * thing, resolved through the ids koji clients were given ({@link Directory}).
 */
final class KojiLinks {
    private final Directory directory;

    KojiLinks(Directory directory) {
        this.directory = directory;
    }

    /** The console address for the thing of {@code kind} with koji id {@code id} (NOT_FOUND when none). */
    String location(Directory.Kind kind, long id) {
        String name = Fmt.q(directory.name(kind, id));
        return switch (kind) {
            case HOST -> "/console/hosts/" + name;
            case TAG -> "/console/tags/" + name;
            case USER -> "/console/tasks?owner=" + name;
            case TARGET -> "/console/builds?target=" + name;
            case CHANNEL -> "/console/tasks?state=active&channel=" + name;
        };
    }

    /** The koji id of a named thing, as the pages show it. */
    long id(Directory.Kind kind, String name) {
        return directory.id(kind, name);
    }
}
