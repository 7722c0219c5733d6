package dev.slipway.worker.config;

import java.time.Duration;

/** How to reach the Docker Engine: its socket and the timeouts every call gets. */
public record EngineConfig(String host, Duration connectTimeout, Duration responseTimeout) {
    public static EngineConfig defaults() {
        return new EngineConfig("unix:///var/run/docker.sock", Duration.ofSeconds(10), Duration.ofMinutes(30));
    }
}
