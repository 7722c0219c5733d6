package dev.slipway.worker.it;

import dev.slipway.testing.rpm.ExternalCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the outside tools the tests check Slipway's outputs with (skopeo, rpm, docker, sha256sum). */
final class Tools {
    private Tools() {
    }

    static String run(String... command) {
        return ExternalCommand.run(List.of(command));
    }

    static String runIn(Path dir, String... command) {
        return ExternalCommand.run(List.of(command), dir, Map.of(), Duration.ofMinutes(5));
    }

    static String docker(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/docker");
        cmd.addAll(List.of(args));
        return ExternalCommand.run(cmd);
    }

    static String skopeo(String... args) {
        List<String> cmd = new ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        return ExternalCommand.run(cmd);
    }

    static String sh(String script) {
        return ExternalCommand.run(List.of("bash", "-c", script));
    }
}
