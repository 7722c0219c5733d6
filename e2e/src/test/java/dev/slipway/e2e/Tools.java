package dev.slipway.e2e;

import dev.slipway.common.process.Command;
import java.util.ArrayList;
import java.util.List;

/** The outside tools the tests check Slipway with: skopeo and docker. */
final class Tools {
    private Tools() {
    }

    static String skopeo(String... args) {
        List<String> cmd = new ArrayList<>(List.of("skopeo"));
        cmd.addAll(List.of(args));
        return Command.of(cmd).output();
    }

    /** The manifest digest the registry serves for a reference, as skopeo reports it. */
    static String registryDigest(String reference) {
        return skopeo("inspect", "--tls-verify=false", "--format", "{{.Digest}}", "docker://" + reference).strip();
    }

    static String docker(String... args) {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/docker"));
        cmd.addAll(List.of(args));
        return Command.of(cmd).output();
    }
}
