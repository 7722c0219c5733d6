package dev.slipway.worker.it;

import dev.slipway.common.process.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs the outside tools the tests check Slipway's outputs with (skopeo, rpm, docker, sha256sum). */
public final class Tools {
    private Tools() {
    }

    public static String run(String... command) {
        return Command.of(command).output();
    }

    public static String runIn(Path dir, String... command) {
        return Command.of(command).in(dir).timeout(Duration.ofMinutes(5)).output();
    }

    public static String docker(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("/usr/bin/docker");
        cmd.addAll(List.of(args));
        return Command.of(cmd).output();
    }

    public static String skopeo(String... args) {
        List<String> cmd = new ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        return Command.of(cmd).output();
    }

    public static String sh(String script) {
        return Command.of("bash", "-c", script).output();
    }
}
