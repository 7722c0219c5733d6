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
 */
public record DaemonConfig(String hub, String tokenFile, List<String> channels, double capacity, String mirror) {
    public DaemonConfig {
        channels = channels == null || channels.isEmpty() ? List.of("container") : List.copyOf(channels);
        if (!(capacity > 0 && capacity <= 1000)) {
            throw new SlipwayException(ErrorCode.CONFIG_INVALID,
                    "Config key daemon.capacity is " + capacity + "; expected above 0 and at most 1000");
        }
    }

    public static DaemonConfig defaults() {
        return new DaemonConfig(null, null, List.of("container"), 4.0, null);
    }
}
