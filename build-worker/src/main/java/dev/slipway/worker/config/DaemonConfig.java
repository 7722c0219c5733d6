package dev.slipway.worker.config;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.util.List;

/**
 * The worker daemon's settings (the {@code daemon:} section): what it offers the hub and where release builds go.
 *
 * @param hub the hub's base URL, unless given on the command line
 * @param tokenFile a file holding this host's token, unless given on the command line
 * @param channels the hub channels this host takes work from (Koji host channels)
 * @param capacity the total task weight this host runs at once (a container build weighs 2.0)
 * @param mirror the mirror root release builds are exported to; their metadata.json is what the hub imports
 * @param statusListen {@code host:port} where the daemon serves {@code /healthz} and Prometheus {@code /metrics};
 *     null serves neither
 */
public record DaemonConfig(String hub, String tokenFile, List<String> channels, double capacity, String mirror,
        String statusListen) {
    public DaemonConfig {
        channels = channels == null || channels.isEmpty() ? List.of("container") : List.copyOf(channels);
        if (!(capacity > 0 && capacity <= 1000)) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "Config key daemon.capacity is " + capacity + "; expected above 0 and at most 1000");
        }
        if (statusListen != null && !statusListen.matches("[^\\s:]+:[0-9]{1,5}")) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "Config key daemon.status_listen is '" + statusListen + "'; expected host:port, e.g. 127.0.0.1:9440");
        }
    }

    /** A configuration without the status server. */
    public DaemonConfig(String hub, String tokenFile, List<String> channels, double capacity, String mirror) {
        this(hub, tokenFile, channels, capacity, mirror, null);
    }

    /** The status server's host (before the last colon). */
    public String statusHost() {
        return statusListen.substring(0, statusListen.lastIndexOf(':'));
    }

    /** The status server's port; 0 picks a free one. */
    public int statusPort() {
        return Integer.parseInt(statusListen.substring(statusListen.lastIndexOf(':') + 1));
    }

    public static DaemonConfig defaults() {
        return new DaemonConfig(null, null, List.of("container"), 4.0, null);
    }
}
